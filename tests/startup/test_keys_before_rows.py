"""Keys pressed on a pane whose rows have not come yet are not lost (issue 15). Only the
caseload pane has a quick first page (store.quick); the other panes are empty until the full
store has opened, and a database at an older schema (migrated on its first start) has no quick
page at all. A fast typist's cursor keys and enter, pressed on such a pane, take effect in order
once its rows land (tui.panes.pending_keys)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from store.clock import Clock
from tests.app_helpers import settled
from tests.conftest import TODAY


def _held_app(demo_db: Path, clock: Any, *, quick: bool) -> tuple[Any, threading.Event]:
    """The app on the demo store, whose opening waits for `release`; with or without the quick
    first page (a database at an older schema gets none)."""
    from store.facade import Store
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE

    release = threading.Event()

    def opener() -> Store:
        release.wait(30)
        return Store.open(demo_db, clock=clock)

    first_page = quick_caseload(demo_db, TODAY, None, PAGE) if quick else None
    if quick:
        assert first_page is not None
    app = SagsdagApp(opener=opener, quick=first_page, clock=Clock(TODAY), config=Config())
    return app, release


@asynccontextmanager
async def _held(demo_db: Path, clock: Any, *, quick: bool) -> AsyncIterator[tuple[Any, Any, threading.Event]]:
    """`_held_app` running at 160x48; the opening let go and the store closed at the end,
    whatever the test did."""
    app, release = _held_app(demo_db, clock, quick=quick)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            yield app, pilot, release
    finally:
        release.set()
        if app.store is not None:
            app.store.close()


def _pane(app: Any, number: int) -> Any:
    from tui.panes.base import Pane

    return next(p for p in app.screen.query(Pane) if p.number == number)


async def test_cursor_keys_on_a_pane_without_rows_take_effect_once_they_land(demo_db: Path, clock: Any) -> None:
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    async with _held(demo_db, clock, quick=True) as (app, pilot, release):
        await pilot.pause()
        # The caseload has its quick page; the deadlines pane has nothing yet.
        await pilot.press("2", "j", "j", "j", "3", "j", "j", "k", "j")
        await pilot.pause()
        deadlines = _pane(app, 3)
        assert not deadlines.loaded and app.store is None
        assert _pane(app, 2).table.cursor_row == 3
        release.set()
        await settled(pilot)
        assert deadlines.table.row_count > 3
        assert deadlines.table.cursor_row == 2  # j j k j, in order
        assert _pane(app, 2).table.cursor_row == 3  # the quick page's cursor stays where it was
        assert deadlines.table.has_focus


async def test_without_a_quick_page_no_key_is_lost(demo_db: Path, clock: Any) -> None:
    """A database at an older schema: no pane has rows until the full store (migrated) opens."""
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    async with _held(demo_db, clock, quick=False) as (app, pilot, release):
        await pilot.pause()
        await pilot.press("2", "j", "j", "G", "k", "k")
        await pilot.pause()
        caseload = _pane(app, 2)
        assert not caseload.loaded
        release.set()
        await settled(pilot)
        assert caseload.table.row_count > 3
        assert caseload.table.cursor_row == caseload.table.row_count - 3


async def test_on_a_database_migrated_at_start_no_key_is_lost(demo_db: Path, clock: Any) -> None:
    """A real older schema: the quick page refuses it, the opening migrates it."""
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    from alembic import command
    from sqlalchemy import create_engine

    from store.db.revisions import alembic_config, head_revision
    from store.db.schema import current_revision
    from store.quick import quick_caseload
    from tui.panes.base import PAGE

    engine = create_engine(f"sqlite:///{demo_db}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")
    engine.dispose()
    assert quick_caseload(demo_db, TODAY, None, PAGE) is None
    async with _held(demo_db, clock, quick=False) as (app, pilot, release):
        await pilot.pause()
        await pilot.press("2", "j", "j", "j", "3", "j")
        await pilot.pause()
        release.set()
        await settled(pilot)
        engine = create_engine(f"sqlite:///{demo_db}")
        assert current_revision(engine) == head_revision()  # migrated on this start
        engine.dispose()
        assert _pane(app, 2).table.cursor_row == 3
        assert _pane(app, 3).table.cursor_row == 1
        assert _pane(app, 3).table.has_focus


async def test_enter_on_a_pane_without_rows_opens_its_row_once_it_lands(demo_db: Path, clock: Any) -> None:
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    from tui.screens.citizen import CitizenScreen

    async with _held(demo_db, clock, quick=True) as (app, pilot, release):
        await pilot.pause()
        await pilot.press("3", "j", "enter")
        await pilot.pause()
        deadlines = _pane(app, 3)
        assert not isinstance(app.screen, CitizenScreen)
        release.set()
        await settled(pilot)
        for _ in range(100):  # the citizen screen mounts after the rows have landed
            if isinstance(app.screen, CitizenScreen):
                break
            await pilot.pause()
        assert isinstance(app.screen, CitizenScreen)
        assert app.screen.citizen_id == deadlines.rows[1].citizen_id


async def test_enter_is_dropped_when_the_caseworker_has_moved_on(demo_db: Path, clock: Any) -> None:
    """Cursor keys are kept for the pane they were pressed on; an enter opens a citizen only if
    its pane still has the focus when the rows land (it would open behind the caseworker's back)."""
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    from tui.screens.citizen import CitizenScreen

    async with _held(demo_db, clock, quick=True) as (app, pilot, release):
        await pilot.pause()
        await pilot.press("3", "j", "enter", "2", "j")
        await pilot.pause()
        release.set()
        await settled(pilot)
        await pilot.pause()
        assert not isinstance(app.screen, CitizenScreen)
        assert _pane(app, 3).table.cursor_row == 1
        assert _pane(app, 2).table.cursor_row == 1
