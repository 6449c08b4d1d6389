"""One-line plain-text cells are laid out without Rich (tui.widgets.plain_cell, issue 15):
segment for segment what Rich makes of `Padding(cell)`, and the caseload's first page in the
first frame is laid out almost entirely that way."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text

from tests.startup.quick_start import after_first_frame, past_first_frame, quick_app
from tui.widgets.plain_cell import plain_line

_CONSOLE = Console(file=io.StringIO(), width=200, color_system="truecolor", force_terminal=True, legacy_windows=False)

_TEXT = st.text(alphabet=st.sampled_from(list("ab Zz09!.-~æøåÆØÅ") + ["日", "\u0301", "\t", "\n", "\x1b"]), max_size=24)
_STYLE = st.sampled_from([None, "", "bold", "red on black", Style(color="red", bold=True), Style(italic=True, underline=True)])


def _rich(cell: Text, width: int, padding: int, options) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return list(_CONSOLE.render_lines(Padding(cell, (0, padding)), options))


@settings(max_examples=400, deadline=None)
@given(plain=_TEXT, style=_STYLE, justify=st.sampled_from([None, "default", "left", "right", "center", "full"]),
       end=st.sampled_from(["", "\n", " "]), width=st.integers(1, 30), padding=st.integers(0, 2),
       height=st.sampled_from([1, None]))
def test_a_plain_cell_is_laid_out_as_rich_lays_it_out(plain, style, justify, end, width, padding, height) -> None:  # type: ignore[no-untyped-def]
    cell = Text(plain, style=style or "", justify=justify, end=end)
    options = _CONSOLE.options.update_dimensions(width, 1) if height else _CONSOLE.options.update_width(width)
    options = options.update(no_wrap=True)
    ours = plain_line(cell, width, padding, options, _CONSOLE)
    if ours is not None:
        assert ours == _rich(cell, width, padding, options)


def test_the_cases_the_caseload_has_are_laid_out_without_rich() -> None:
    options = _CONSOLE.options.update_dimensions(12, 1).update(no_wrap=True)
    for cell in (Text("Dennis Jensen"[:10]), Text("! 38 d. over"[:10], style=Style(color="red", bold=True)),
                 Text("3", justify="right"), Text("1234567890")):
        ours = plain_line(cell, 12, 1, options, _CONSOLE)
        assert ours is not None and ours == _rich(cell, 12, 1, options)


async def test_the_first_frame_lays_out_the_quick_page_without_rich(demo_db: Path, monkeypatch) -> None:
    """Before, every visible cell of the caseload's first page (195 at 160×48) went through
    Rich's Padding; now only the few that are not plain one-line texts do."""
    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    through_rich: list[object] = []
    original = Padding.__rich_console__

    def counting(self, console, options):  # type: ignore[no-untyped-def]
        if not shown:
            through_rich.append(self.renderable)
        return original(self, console, options)

    monkeypatch.setattr(Padding, "__rich_console__", counting)
    async with past_first_frame(app, release):
        table = app.screen.query_one("#caseload-table")
        visible = table.scrollable_content_region.height - table.header_height
        cells = visible * len(table.columns)
        assert shown and cells > 100
        assert len(through_rich) < cells // 10


async def test_a_cells_styles_are_summed_once_for_its_meta(demo_db: Path, monkeypatch) -> None:
    """Each cell's meta (its row and column, for the mouse) was the first of its style sums, so
    every sum after it was new to Rich's cache (`Style._add`): now it is added last, and the sums
    before it are the same for every cell of a column (and drawn the same, test_cell_layout)."""
    from rich.style import Style

    from tui.widgets.cell_layout import LayoutCellsOnce

    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    sums: list[int] = []
    segments: list[int] = []
    original = LayoutCellsOnce._render_cell

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        before = Style._add.cache_info().misses
        styled = original(self, *args, **kwargs)
        if not shown and self.id == "caseload-table":
            sums.append(Style._add.cache_info().misses - before)
            segments.append(sum(len(line) for line in styled))
        return styled

    monkeypatch.setattr(LayoutCellsOnce, "_render_cell", counting)
    async with past_first_frame(app, release):
        assert shown and sum(segments) > 500
        assert sum(sums) < 2 * len(segments)  # new sums: 212 for 174 cells, 521 before
