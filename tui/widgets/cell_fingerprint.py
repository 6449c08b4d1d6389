"""What a table cell's look depends on, as a hashable value: the key of its cached layout
(tui.widgets.cell_layout) and how a refill tells a changed cell from an unchanged one
(tui.widgets.rows_in_place)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from rich.text import Text


def fingerprint(cell: Any) -> Hashable | None:
    """What a cell's layout depends on, as a hashable value; None when that cannot be told
    (an arbitrary renderable), so it is keyed by its version instead."""
    if cell is None:
        return ("none",)
    if isinstance(cell, str):
        return ("str", cell)
    if isinstance(cell, Text):
        return ("text", cell.plain, tuple(cell.spans), cell.style, cell.justify, cell.overflow, cell.no_wrap,
                cell.end, cell.tab_size)
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return (type(cell).__name__, cell)
    return None
