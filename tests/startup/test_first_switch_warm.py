"""The first key of a start is most often `2` (to the caseload, the one pane with rows in the
first frame: the quick page). Its frame drew every visible row of that table focused for the
first time (15-18 ms of the main thread, while the store's worker competed for the
interpreter), and a `j` pressed just after it met that frame (issue 15). Right after the first
frame the tables with rows are drawn in their other focus state (tui.widgets.focus_warm,
`first_page`), so that switch restyles no cell."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from store.clock import Clock
from tests.conftest import TODAY


async def test_the_first_switch_to_the_caseload_restyles_no_cell(demo_db: Path, clock: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    from store.facade import Store
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE
    from tui.widgets.cell_layout import LayoutCellsOnce

    restyled: list[str] = []
    render_cell = LayoutCellsOnce._render_cell

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        known = len(self._cell_render_cache)
        try:
            return render_cell(self, *args, **kwargs)
        finally:
            if len(self._cell_render_cache) != known and self.row_count:  # a header alone is cheap
                restyled.append(self.id)

    release = threading.Event()

    def opener() -> Store:  # held back: the switch comes before the store has opened
        release.wait(30)
        return Store.open(demo_db, clock=clock)

    quick = quick_caseload(demo_db, TODAY, None, PAGE)
    app = SagsdagApp(opener=opener, quick=quick, clock=Clock(TODAY), config=Config())
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            assert app.startup.opening  # right after the first frame
            monkeypatch.setattr(LayoutCellsOnce, "_render_cell", counting)
            await pilot.press("2")
            await pilot.pause()
            assert app.screen.current == 2
            assert restyled == [], f"{len(restyled)} cells restyled"
            release.set()
            await app.workers.wait_for_complete()
    finally:
        if app.store is not None:
            app.store.close()
