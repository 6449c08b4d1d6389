"""Start-up never makes a key wait on the store's worker (tui.startup): a key moves the cursor
on the quick first page while the store's opening is held back, imports in the opening worker
wait for a key's frame (never the other way round), and the day's backup runs only once every
pane has its data. A focus change refreshes what it changes, and the screen shows the same as
after a full repaint."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from store.clock import Clock
from tests.conftest import TODAY
from tests.app_helpers import settle, settled
from tests.terminal import stale_cells, watch_terminal


def _app(demo_db: Path, opener, **kwargs):  # type: ignore[no-untyped-def]
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE

    quick = quick_caseload(demo_db, TODAY, None, PAGE)
    assert quick is not None and quick.rows
    return SagsdagApp(opener=opener, quick=quick, clock=Clock(TODAY), config=Config(), **kwargs)


async def test_a_key_moves_the_cursor_while_the_store_is_held_back(demo_db: Path, clock) -> None:
    from store.facade import Store
    from tui.panes.caseload import CaseloadPane

    release = threading.Event()
    asked = threading.Event()

    def opener():  # type: ignore[no-untyped-def]
        asked.set()
        release.wait()  # the store's opening is held back until the keys are answered
        return Store.open(demo_db, clock=clock)

    app = _app(demo_db, opener)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            while not asked.is_set():  # the worker has started and is now blocked
                await pilot.pause()
            table = app.screen.query_one(CaseloadPane).table
            assert app.store is None and table.row_count > 1
            await pilot.press("2")
            assert app.focused is table
            first = table.current_key()
            await pilot.press("j")
            assert table.cursor_row == 1 and table.current_key() != first
            await pilot.press("k", "j", "j")
            assert table.cursor_row == 2
            moved_to = table.current_key()
            assert app.store is None  # every key above was answered with the store still shut
            release.set()
            await settle(pilot)
            while not app.startup.settled:  # the panes land one per frame, checked on a timer
                await pilot.pause()
            assert app.store is not None
            assert table.current_key() == moved_to  # the full store's reload kept the cursor
    finally:
        release.set()
        if app.store is not None:
            app.store.close()


async def test_the_access_log_key_before_the_store_opens_says_so(demo_db: Path, clock) -> None:
    """L in the first instant, while the store is still opening, used to crash the program;
    now it says the program is still opening, and works once it has."""
    from store.facade import Store
    from tui.screens.access_log import AccessLogScreen

    release = threading.Event()
    asked = threading.Event()

    def opener():  # type: ignore[no-untyped-def]
        asked.set()
        release.wait()
        return Store.open(demo_db, clock=clock)

    app = _app(demo_db, opener)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            while not asked.is_set():
                await pilot.pause()
            await pilot.press("L")
            await pilot.pause()
            assert app.store is None and not isinstance(app.screen, AccessLogScreen)
            assert any("åbnes stadig" in str(n.message) for n in app._notifications)
            release.set()
            await settle(pilot)
            await pilot.press("L")
            await settle(pilot)
            assert isinstance(app.screen, AccessLogScreen)
    finally:
        release.set()
        if app.store is not None:
            app.store.close()


def test_imports_in_the_opening_worker_wait_for_a_keys_frame(tmp_path: Path, monkeypatch) -> None:
    import tui.startup
    from tui.startup import KeyFirst

    monkeypatch.setattr(tui.startup, "KEY_FRAME_WAIT", 60.0)  # only the frame lets it go on
    (tmp_path / "sagsdag_startup_probe.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    entered = threading.Event()

    class Probe(KeyFirst):
        def find_spec(self, fullname, path, target=None):  # type: ignore[no-untyped-def]
            if fullname == "sagsdag_startup_probe":
                entered.set()
            return super().find_spec(fullname, path, target)

    gate = Probe()
    gate.key_arrived()  # a key is being answered on the main thread
    done = threading.Event()

    def worker() -> None:
        gate.install()
        try:
            import sagsdag_startup_probe  # noqa: F401
        finally:
            gate.remove()
            done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert entered.wait(10)
        assert not done.is_set() and "sagsdag_startup_probe" not in sys.modules
        gate.frame_drawn()  # the key's frame is on screen: the worker goes on
        assert done.wait(10)
        assert "sagsdag_startup_probe" in sys.modules
    finally:
        gate.frame_drawn()
        thread.join(10)
        sys.modules.pop("sagsdag_startup_probe", None)
    assert gate not in sys.meta_path


def test_other_threads_imports_never_wait() -> None:
    from tui.startup import KeyFirst

    gate = KeyFirst()
    gate.key_arrived()
    gate.thread_id = -1  # installed for some other thread
    assert gate.find_spec("anything", None) is None  # returns at once, finds nothing


async def test_the_days_backup_runs_after_every_pane_has_its_data(demo_db: Path, clock) -> None:
    from store.facade import Store
    from tui.panes.base import Pane

    seen: list[bool] = []
    app = None

    def backup() -> None:
        seen.append(app.store is not None and all(p.loaded for p in app.screen.query(Pane)))

    app = _app(demo_db, lambda: Store.open(demo_db, clock=clock), after_open=backup)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await settled(pilot)
            assert seen == [True]
    finally:
        if app.store is not None:
            app.store.close()


async def test_a_failing_backup_is_a_warning_and_the_program_goes_on(demo_db: Path, clock) -> None:
    from store.facade import Store
    from tui.cli.commands.open_app import _daily_backup
    from tui.cli.context import Context
    from tui.screens.main import MainScreen

    ctx = Context(db=str(demo_db), clock=clock, lang="da", caseworker=None)
    notes: list[str] = []
    app = _app(demo_db, lambda: Store.open(demo_db, clock=clock), after_open=lambda: _daily_backup(app, ctx))
    original = app.notify
    app.notify = lambda message, **kw: (notes.append(str(message)), original(message, **kw))  # type: ignore[method-assign]
    import store.backup.auto as auto

    def broken(database, now=None):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    real, auto.backup_if_stale = auto.backup_if_stale, broken
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            while not app.startup.settled:
                await pilot.pause()
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            assert any("sikkerhedskopi" in n for n in notes)
    finally:
        auto.backup_if_stale = real
        if app.store is not None:
            app.store.close()


async def test_a_pane_switch_leaves_no_stale_cell_on_screen(make_app) -> None:
    """What the terminal shows after each pane switch (every frame applied in turn) is what a
    full repaint shows: focus moves repaint only two tables, and none is left behind."""
    app = make_app()
    shown = watch_terminal(app)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for key in "23451j2k":
            await pilot.press(key)
            await settle(pilot)
            stale = stale_cells(shown, app)
            assert not stale, f"after {key}: {len(stale)} cells differ from a full repaint, first {stale[:3]}"


async def test_renders_kept_across_focus_never_outlive_a_theme_or_a_maximize(make_app) -> None:
    """The tables keep their rendered rows across focus changes (tui.widgets.focus_cost). After
    pane switches, a theme switch, a maximize and back, the screen equals the one drawn with
    every table's caches emptied, as Textual itself would have done on each restyle."""
    import re

    from textual.widgets import DataTable

    from tui.widgets.table import SagsTable

    def picture(app) -> str:  # type: ignore[no-untyped-def]
        return re.sub(r"terminal-\d+", "terminal", app.export_screenshot(title="Sagsdag"))

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for step in ("2", "3", "2", "j", "theme", "3", "2", "z", "3", "z", "2", "theme"):
            if step == "theme":
                app.set_theme("sagsdag-light" if app.theme == "sagsdag-dark" else "sagsdag-dark")
            else:
                await pilot.press(step)
            await settle(pilot)
            kept = picture(app)
            for table in app.screen.query(SagsTable):
                DataTable.notify_style_update(table)  # what Textual does on every restyle
                table.refresh()
            await pilot.pause()
            assert picture(app) == kept, f"after {step}: a kept render differs from a fresh one"
