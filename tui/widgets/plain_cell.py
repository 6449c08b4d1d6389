"""A one-line table cell of plain text is laid out without Rich's general machinery.

`LayoutCellsOnce` lays each new cell out once through Rich (`Padding(cell)` rendered by the
console: the text wrapped, justified, split into lines, cropped and padded). For the caseload's
first page that was ~7 ms of the first frame's ~14 ms for the table (195 cells at 160×48), and
the same for every pane whose rows land during start-up (issue 15). Most cells are one `Text`
with one style, no wider than their column: Rich's result for them is always the same
segments — the left padding, the text in its style, the fill (if any) and the right padding,
the padding and fill unstyled (`Style.null()`); a right-justified text carries its fill on its
left, in its own style — and `plain_line` makes those directly.

Anything else (spans, a justification other than left or right, an end of its own, a tab, a
line break, a character that is not one cell wide, a text wider than its column, a row taller
than one line)
returns None and goes through Rich as before. tests/startup/test_first_cell_layout.py checks,
segment for segment, that the result is Rich's for generated texts, styles and widths."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

_NULL = Style.null()


def plain_line(cell: Any, width: int, padding: int, options: Any, console: Any) -> list[list[Segment]] | None:
    """Rich's lines for `Padding(cell, (0, padding))` at `width` and one line of height (the
    options of a row of height 1), or None when the cell is not one this knows."""
    if type(cell) is not Text or cell._spans or cell.end not in ("", "\n"):
        return None
    justify = cell.justify
    if justify not in (None, "default", "right"):
        return None
    if options.justify not in (None, "default") or not options.no_wrap or options.height not in (None, 1):
        return None
    if options.max_width != width or padding < 1:  # Rich writes no empty padding
        return None
    plain = cell.plain
    inner = width - 2 * padding
    if not plain or len(plain) > inner or not plain.isprintable() or cell_len(plain) != len(plain):
        return None
    style = cell.style
    text_style = console.get_style(style, default=_NULL) if style else None
    pad = Segment(" " * padding, _NULL)
    left = inner - len(plain)
    if justify == "right":
        if plain[-1] == " ":  # Rich strips it before justifying
            return None
        # The text is padded on its left, in its own style.
        return [[pad, Segment(" " * left + plain, text_style), pad]]
    if not left:
        return [[pad, Segment(plain, text_style), pad]]
    return [[pad, Segment(plain, text_style), Segment(" " * left, _NULL), pad]]
