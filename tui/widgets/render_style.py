"""A table's base style computed once per render, not once per line.

Textual 8.2's `DataTable.render_line` asks for `self.rich_style` for every line it draws, and
`DOMNode.rich_style` is not cached: each call walks every ancestor's styles (screen, columns,
pane, table) to blend backgrounds. A pane switch draws ~40 table lines, and that walk was a
third of their cost (pyinstrument in a real terminal, issue 15). Nothing can restyle the table
while one `render_lines` call runs, so `OneStylePerRender` computes it at the start of the call
and answers every line from it. The same holds for the component styles DataTable asks for
for every row it draws (`get_component_styles("datatable--header").rich_style`, computed from
the CSS each time, even for rows that are not the header): a row that moved after a reload is
drawn again, and that lookup was a third of it. Carried here until Textual caches it upstream."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.dom import DOMNode


class _StylesThisRender:
    """A component's styles during one render: `rich_style` computed once, the rest as is."""

    def __init__(self, styles: Any) -> None:
        self._styles = styles
        self._rich: Style | None = None

    @property
    def rich_style(self) -> Style:
        if self._rich is None:
            self._rich = self._styles.rich_style
        return self._rich

    def __getattr__(self, name: str) -> Any:
        return getattr(self._styles, name)


class OneStylePerRender:
    """Mix into a widget class (before the Textual widget in the bases)."""

    _style_this_render: Style | None = None
    _components_this_render: dict[tuple[str, ...], _StylesThisRender] | None = None

    def get_component_styles(self, *names: str) -> Any:
        components = self._components_this_render
        if components is None:
            return super().get_component_styles(*names)  # type: ignore[misc]
        styles = components.get(names)
        if styles is None:
            styles = components[names] = _StylesThisRender(super().get_component_styles(*names))  # type: ignore[misc]
        return styles

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
        self._components_this_render = {}
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._style_this_render = None
            self._components_this_render = None
