"""What the main screen does between its mount and the first key: no second restyle of the
whole screen, no layout asked for by the screen's own mount once it has been laid out, and the
notifications' rack laid out with the first frame (issue 15). Each of these laid out or
painted the whole screen again just after the first frame, while the first key waited."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import settle
from tests.terminal import screen_styles
from tests.startup.quick_start import after_first_frame, past_first_frame, quick_app


async def test_the_main_screen_is_not_restyled_whole_before_its_first_frame(demo_db: Path, monkeypatch) -> None:
    from textual.css.stylesheet import Stylesheet

    from tui.screens.main import MainScreen

    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    whole: list[int] = []
    original = Stylesheet.update_nodes

    def counting(self, nodes, animate=False):  # type: ignore[no-untyped-def]
        nodes = list(nodes)
        if nodes and isinstance(nodes[0], MainScreen) and not shown:
            whole.append(len(nodes))
        return original(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counting)
    async with past_first_frame(app, release):
        assert shown and whole == []


async def test_skipping_that_restyle_leaves_every_style_as_a_restyle_makes_it(make_app) -> None:
    """The restyle Textual makes on a screen's first resume computes what mounting computed."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen

        before = screen_styles(screen)
        app.update_styles(screen, animate=False)
        assert screen_styles(screen) == before


async def test_nothing_asks_for_the_screen_to_be_laid_out_again_after_its_first_frame(demo_db: Path, monkeypatch) -> None:
    """Textual's AwaitMount for a pushed screen called `screen.refresh(layout=True)` once the
    screen had mounted (tui.screen_mount), and the notifications' rack set its display after
    the first frame (tui.screens.main on_mount): each laid the whole screen out again."""
    from textual.screen import Screen

    from tui.screens.main import MainScreen

    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    asked: list[str] = []
    original_refresh, original_layout = Screen.refresh, Screen._on_layout

    def refresh(self, *regions, repaint=True, layout=False, recompose=False):  # type: ignore[no-untyped-def]
        if layout and shown and isinstance(self, MainScreen):
            asked.append("screen.refresh(layout=True)")
        return original_refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    async def on_layout(self, message):  # type: ignore[no-untyped-def]
        if shown and isinstance(self, MainScreen) and message.widget.id == "textual-toastrack":
            asked.append("the notifications' rack")
        return await original_layout(self, message)

    monkeypatch.setattr(Screen, "refresh", refresh)
    monkeypatch.setattr(Screen, "_on_layout", on_layout)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            for _ in range(8):
                await pilot.pause()
            assert shown and asked == []
    finally:
        release.set()


async def test_a_screen_pushed_later_is_laid_out_and_waited_for(make_app) -> None:
    """The quiet mount still waits for the screen to have mounted, and the screen is laid out
    (by its resume) at the terminal's size."""
    from tui.screens.access_log import AccessLogScreen

    app = make_app()
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(pilot)
        screen = AccessLogScreen()
        await app.push_screen(screen)
        assert screen.is_mounted
        await settle(pilot)
        assert screen.size == app.size
        assert all(w.size.width > 0 for w in screen.query("SagsTable, QuietFooter, TopBar"))


async def test_the_first_frame_lays_out_only_the_visible_rows_of_the_quick_page(demo_db: Path, monkeypatch) -> None:
    """Before the first frame the only rows are the quick first page's, in the caseload pane:
    its visible rows are laid out (Rich, once per cell), no row below them and no other pane's
    cells; the other tables draw their headers only."""
    from tui.widgets.cell_layout import LayoutCellsOnce

    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    laid_out: dict[str, set[int]] = {}
    original = LayoutCellsOnce._cell_layout

    def counting(self, row_index, column_index, row_key, column_key, width, is_header, is_label):  # type: ignore[no-untyped-def]
        if not shown and not is_header:
            laid_out.setdefault(self.id, set()).add(row_index)
        return original(self, row_index, column_index, row_key, column_key, width, is_header, is_label)

    monkeypatch.setattr(LayoutCellsOnce, "_cell_layout", counting)
    async with past_first_frame(app, release):
        table = app.screen.query_one("#caseload-table")
        visible = table.scrollable_content_region.height - table.header_height
        assert table.row_count > visible > 5
        assert laid_out == {"caseload-table": set(range(visible))}
