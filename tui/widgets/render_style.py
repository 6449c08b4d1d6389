"""A table's base style computed once per render, not once per line.

Textual 8.2's `DataTable.render_line` asks for `self.rich_style` for every line it draws, and
`DOMNode.rich_style` is not cached: each call walks every ancestor's styles (screen, columns,
pane, table) to blend backgrounds. A pane switch draws ~40 table lines, and that walk was a
third of their cost (pyinstrument in a real terminal, issue 15). Nothing can restyle the table
while one `render_lines` call runs, so `OneStylePerRender` computes it at the start of the call
and answers every line from it. Carried here until Textual caches it upstream."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.dom import DOMNode


class OneStylePerRender:
    """Mix into a widget class (before the Textual widget in the bases)."""

    _style_this_render: Style | None = None

    @property
    def rich_style(self) -> Style:
        style = self._style_this_render
        if style is not None:
            return style
        computed: Style = DOMNode.rich_style.fget(self)  # type: ignore[attr-defined]
        return computed

    def render_lines(self, crop: Any) -> Any:
        self._style_this_render = None
        self._style_this_render = DOMNode.rich_style.fget(self)  # type: ignore[attr-defined]
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._style_this_render = None
