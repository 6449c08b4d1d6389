"""When the store has opened, the panes' rows land one pane per frame, the current pane first
(tui/screens/main.py, `load_in_turn`): all five landed in one frame, which laid out every
visible cell of five tables for the first time, ~40 ms of the main thread in the frame a key
pressed during start-up waited for (issue 15). The quick first page is not laid out again when
the full store's page is the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store.clock import Clock
from tests.app_helpers import settled
from tests.conftest import TODAY


async def test_each_frame_lays_out_the_rows_of_one_pane_at_most(demo_db: Path, clock: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    from textual.screen import Screen

    from store.facade import Store
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE, Pane
    from tui.widgets.cell_layout import LayoutCellsOnce

    frames: list[set[str]] = [set()]  # the panes whose cells each frame laid out
    layout, refresh = LayoutCellsOnce._cell_layout, Screen._compositor_refresh

    def counting_layout(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        known = len(self._layouts or ())
        try:
            return layout(self, *args, **kwargs)
        finally:  # a new layout, not a cell restyled from one it had (tui.widgets.focus_warm does that)
            pane = next((p for p in self.ancestors if isinstance(p, Pane)), None)
            header = kwargs.get("is_header_cell", args[5] if len(args) > 5 else False)
            if pane is not None and header is False and len(self._layouts or ()) != known:
                frames[-1].add(pane.pane_id)

    def counting_refresh(self):  # type: ignore[no-untyped-def]
        refresh(self)
        frames.append(set())

    monkeypatch.setattr(LayoutCellsOnce, "_cell_layout", counting_layout)
    monkeypatch.setattr(Screen, "_compositor_refresh", counting_refresh)
    quick = quick_caseload(demo_db, TODAY, None, PAGE)
    app = SagsdagApp(opener=lambda: Store.open(demo_db, clock=clock), quick=quick, clock=Clock(TODAY), config=Config())
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await settled(pilot)
            panes = {p.pane_id for p in app.screen.query(Pane)}
            opened = [f for f in frames if f]
            assert set().union(*opened) == panes  # every pane's rows were drawn …
            assert max(len(f) for f in opened) <= 1  # … one pane's in a frame
            # The quick page's cells were laid out in the first frame and kept: the full store's
            # first page of the caseload is the same.
            assert [n for n, f in enumerate(opened) if "caseload" in f] == [0]
    finally:
        if app.store is not None:
            app.store.close()


async def test_a_pane_that_gets_its_rows_lays_each_cell_out_once(demo_db: Path, clock: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A pane's first rows used to be laid out twice, in two frames: at the widths the columns
    had before (the header's), then, once the columns were fitted after that frame, at the
    fitted widths. Each landing cost two frames of Rich layout while start-up keys waited."""
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    from collections import Counter

    import rich.console

    from store.facade import Store
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE, Pane
    from tui.widgets.cell_layout import LayoutCellsOnce

    laid_out: Counter[tuple[str, object, object]] = Counter()  # (pane, row, column) through Rich
    cell: list[tuple[str, object, object] | None] = [None]
    layout, render_lines = LayoutCellsOnce._cell_layout, rich.console.Console.render_lines

    def layout_of(self, row_index, column_index, row_key, column_key, width, is_header_cell,  # type: ignore[no-untyped-def]
                  is_row_label_cell):
        pane = next((p for p in self.ancestors if isinstance(p, Pane)), None)
        cell[0] = None if pane is None or is_header_cell else (pane.pane_id, row_key, column_key)
        try:
            return layout(self, row_index, column_index, row_key, column_key, width, is_header_cell,
                          is_row_label_cell)
        finally:
            cell[0] = None

    def rich_lines(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        here, cell[0] = cell[0], None  # Rich renders the padding's content inside: counted once
        if here is not None:
            laid_out[here] += 1
        try:
            return render_lines(self, *args, **kwargs)
        finally:
            cell[0] = here

    import tui.widgets.cell_layout as cell_layout

    plain = cell_layout.plain_line

    def plain_lines(*args, **kwargs):  # type: ignore[no-untyped-def]
        lines = plain(*args, **kwargs)  # a one-line plain cell is laid out without Rich
        if lines is not None and cell[0] is not None:
            laid_out[cell[0]] += 1
        return lines

    monkeypatch.setattr(LayoutCellsOnce, "_cell_layout", layout_of)
    monkeypatch.setattr(rich.console.Console, "render_lines", rich_lines)
    monkeypatch.setattr(cell_layout, "plain_line", plain_lines)
    quick = quick_caseload(demo_db, TODAY, None, PAGE)
    app = SagsdagApp(opener=lambda: Store.open(demo_db, clock=clock), quick=quick, clock=Clock(TODAY), config=Config())
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await settled(pilot)
            assert {pane for pane, _row, _column in laid_out} == {p.pane_id for p in app.screen.query(Pane)}
            twice = [(pane, row.value, column.value) for (pane, row, column), n in laid_out.items() if n > 1]
            assert not twice, twice[:5]
    finally:
        if app.store is not None:
            app.store.close()


async def test_a_key_waiting_for_its_frame_is_answered_before_rows_land(demo_db: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """During start-up, a pane's rows that arrive while a key waits for its frame land in the
    frame after it (tui.widgets.key_waiting): landing lays out a table's visible cells, and the
    key used to wait for that. Keys that keep coming hold the rows back a few frames at most."""
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    import threading

    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import LAND_AFTER_KEYS, PAGE, PaneData
    from tui.panes.today import TodayPane
    from tui.widgets import key_waiting
    from tests.startup.layout_count import count_frames

    rhythm, at_most = key_waiting.RHYTHM, key_waiting.AT_MOST
    release = threading.Event()
    quick = quick_caseload(demo_db, TODAY, None, PAGE)
    app = SagsdagApp(opener=lambda: release.wait() and None, quick=quick, clock=Clock(TODAY), config=Config())
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            frames = count_frames(monkeypatch)
            today = app.screen.query_one(TodayPane)
            assert not app.startup.settled and not today.loaded
            # Only the key's frame lets the rows land here: not a pause in the keys, nor a key
            # that gives up waiting (a loaded machine can stall the test that long).
            monkeypatch.setattr(key_waiting, "RHYTHM", 60.0)
            monkeypatch.setattr(key_waiting, "AT_MOST", 60.0)
            app.startup.key_waiting.key()  # what a key arriving does (tui.startup.StartUp.key)
            today.refresh()  # … and what its binding does: something to draw in its frame
            today.land(PaneData((), 0, ""), generation=today._generation)
            assert not today.loaded  # the key first
            drawn = len(frames)
            await pilot.pause()
            while not today.loaded:
                await pilot.pause()
            assert len(frames) > drawn  # … then, after its frame, the rows
            monkeypatch.setattr(key_waiting, "RHYTHM", rhythm)
            monkeypatch.setattr(key_waiting, "AT_MOST", at_most)
            # A key before every frame: the rows still land, after LAND_AFTER_KEYS frames.
            today._generation += 1  # a newer load asked for (no store here: its answer is handed in)
            waited = 0
            today.land(PaneData((), 0, ""), generation=today._generation)
            while today._landed != today._generation:
                app.startup.key_waiting.key()
                waited += 1
                await pilot.pause()
            assert waited <= LAND_AFTER_KEYS + 1
    finally:
        release.set()
