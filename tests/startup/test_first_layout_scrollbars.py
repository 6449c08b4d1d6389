"""The main screen's first layout settles its scrollbars before the first frame
(tui.widgets.scrollbars_first, issue 15). Textual decided the caseload table's scrollbar only
after laying the screen out, and every widget's first size asked for a layout as well: a second
layout of the whole screen and a second frame followed the first one, as the first key came."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.startup.quick_start import quick_app
from tests.terminal import Grid, stale_cells, watch_terminal


def _first_frame_and_counts(app, monkeypatch):  # type: ignore[no-untyped-def]
    """The terminal as the first frame left it, and the layouts and frames that came after it."""
    from tui.screens.main import MainScreen

    first: Grid = {}
    frames: list[int] = []

    def after_frame(grid: Grid) -> None:
        frames.append(1)
        if len(frames) == 1:
            first.update(grid)

    shown = watch_terminal(app, after_frame)
    layouts_after: list[object] = []
    original = MainScreen._refresh_layout

    def counting(self, size=None, scroll=False):  # type: ignore[no-untyped-def]
        if frames:
            layouts_after.append(size)
        return original(self, size, scroll)

    monkeypatch.setattr(MainScreen, "_refresh_layout", counting)
    return first, frames, layouts_after, shown


SIZES = [(160, 48), (80, 24), (130, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_nothing_is_laid_out_or_drawn_between_the_first_frame_and_the_first_key(demo_db: Path, monkeypatch, size) -> None:
    app, release = quick_app(demo_db)
    _first, frames, layouts_after, _shown = _first_frame_and_counts(app, monkeypatch)
    try:
        async with app.run_test(size=size) as pilot:
            for _ in range(8):
                await pilot.pause()
            assert layouts_after == []
            assert len(frames) == 1
    finally:
        release.set()


@pytest.mark.parametrize("size", SIZES)
async def test_the_first_frame_shows_the_caseload_with_its_scrollbar_as_a_full_repaint_does(demo_db: Path, monkeypatch, size) -> None:
    app, release = quick_app(demo_db)
    first, frames, _layouts, shown = _first_frame_and_counts(app, monkeypatch)
    try:
        async with app.run_test(size=size) as pilot:
            for _ in range(8):
                await pilot.pause()
            table = app.screen.query_one("#caseload-table")
            if table.display and table.parent.display:
                assert table.show_vertical_scrollbar  # the quick page is longer than the pane
                assert table.vertical_scrollbar in app.screen._compositor.visible_widgets
            assert frames and stale_cells(first, app) == []
            assert stale_cells(shown, app) == []
    finally:
        release.set()
