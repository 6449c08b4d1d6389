"""Table cells are laid out by Rich once and styled per state (tui.widgets.cell_layout): a
focus change (the first key of a session, the first visit of a pane) lays out no cell again,
and what is drawn is, segment for segment, what Textual's own `_render_cell` draws."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tests.app_helpers import settle
from tui.widgets.cell_layout import LayoutCellsOnce
from tui.widgets.table import SagsTable

CELLS = [
    ("Anna Hansen", Text("! 261 d. over", style="bold red"), None, "010190-XXXX"),
    ("[bold]not markup[/]", Text("~ om 3 dage"), "æøå ÆØÅ 日本語", 42),
    ("a name far too long for its column, cut off at the edge", Text("✓ ok", style="green"), "", 3.5),
]


class _Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield SagsTable(id="ours")
        yield SagsTable(id="other")


async def test_a_cell_is_drawn_as_textual_draws_it() -> None:
    app = _Tables()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one("#ours", SagsTable)
        for name, width in (("name", 18), ("status", None), ("text", 8), ("n", 5)):
            table.add_column(name, width=width, key=name)
        for n, row in enumerate(CELLS):
            table.add_row(*row, key=str(n))
        await pilot.pause()
        for focused in (True, False):
            (table if focused else app.query_one("#other")).focus()
            await pilot.pause()
            table._pseudo_class_state = table.get_pseudo_class_state()
            base = table.rich_style
            for row in range(-1, len(CELLS)):
                for column, col in enumerate(table.ordered_columns):
                    for cursor in (False, True):
                        width = col.get_render_width(table)
                        table._cell_render_cache.clear()
                        ours = LayoutCellsOnce._render_cell(table, row, column, base, width, cursor=cursor)
                        table._cell_render_cache.clear()
                        theirs = DataTable._render_cell(table, row, column, base, width, cursor=cursor)
                        assert ours == theirs, (row, column, cursor, focused)


async def test_the_first_visit_of_every_pane_lays_no_cell_out_again(make_app, monkeypatch) -> None:
    """Each table was drawn once, unfocused, in the first frame; drawing it focused and then
    unfocused again (the first key, the first visit of each pane) takes no cell through Rich."""
    from rich.console import Console

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        laid_out: list[object] = []
        original = Console.render_lines

        def counting(self, renderable, *args, **kwargs):  # type: ignore[no-untyped-def]
            laid_out.append(renderable)
            return original(self, renderable, *args, **kwargs)

        monkeypatch.setattr(Console, "render_lines", counting)
        for key in "234512":
            await pilot.press(key)
            await settle(pilot)
        assert laid_out == []


async def test_a_table_computes_its_style_once_per_render(make_app, monkeypatch) -> None:
    """DataTable asks for its style on every line, and Textual walks every ancestor's styles
    for it each time (tui.widgets.render_style): a render of 30 lines now walks once."""
    from textual.dom import DOMNode
    from textual.geometry import Region

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#caseload-table", SagsTable)
        walks: list[object] = []
        original = DOMNode.rich_style

        def counting(self):  # type: ignore[no-untyped-def]
            if self is table:
                walks.append(self)
            return original.fget(self)

        monkeypatch.setattr(DOMNode, "rich_style", property(counting))
        table._styles_cache.clear()
        lines = table.render_lines(Region(0, 0, table.size.width, table.size.height))
        assert len(lines) == table.size.height > 20
        assert len(walks) == 1
