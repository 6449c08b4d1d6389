"""A table cell is laid out by Rich once, and only styled again when the table's look changes.

Textual 8.2's `DataTable._render_cell` caches each cell's lines under a key that holds the
cell's styles and the table's focus state, and `notify_style_update` empties that cache. So
the first time a table is shown focused (or unfocused), and after every restyle, each visible
cell goes through Rich again: markup parsed, text measured, padded and cropped. That is most
of what the first key of a session cost (two tables drawn in a new focus state, ~30 ms at
160×48) and what every first visit of a pane cost (issue 15).

Laying a cell out does not depend on its style: Textual renders `Styled(Padding(cell),
pre_style, post_style)`, which is the padded cell's segments with `pre_style + own style +
post_style` on each. `LayoutCellsOnce` keeps the padded cell's lines by what they do depend on
(the cell's content, the width and height, the padding) and applies the styles to them, which
costs a few style additions per cell. Keyed by content, not by the table's update count (which
every change of any cell raises): a row that did not change, or only moved, is never laid out
again, and a table refilled with the same cells reuses every layout (issue 11's save latency).
A styled cell is keyed by its content's version (`_content_version`, tui.widgets.rows_in_place)
and its position, which its mouse metadata holds. Carried here until Textual does the same upstream; tests/startup
(test_cell_layout.py) checks, cell for cell, that it draws what Textual draws."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache

from tui.widgets.cell_fingerprint import fingerprint
from tui.widgets.plain_cell import plain_line

LAYOUTS = 10_000  # as many as Textual keeps of rendered cells


def _plain(style: Style | None) -> bool:
    """No meta and no link: adding it commutes with adding a meta-only style."""
    return style is None or (not style._meta and not style._link)


def _styled_then_meta(lines: list[list[Segment]], pre_style: Style, post_style: Style | None,
                      meta: Style) -> list[list[Segment]]:
    """What `Segment.apply_style(line, base + meta + component, post)` makes, with the cell's
    meta (its row and column, for the mouse) added last instead of first. The styles before it
    carry no meta and no link, so the result is equal (colours, attributes, meta; the link id is
    the meta's either way), and every sum but the last is the same for every cell of a table in
    a state, which Rich's `Style._add` cache answers: Textual's order made each sum new, as the
    meta differs from cell to cell (~30 style sums per row, issue 15)."""
    styled = []
    for line in lines:
        out = []
        for text, style, _control in line:
            combined = pre_style + style if pre_style else style
            if post_style:
                combined = combined + post_style if combined else post_style
            out.append(Segment(text, combined + meta if combined is not None else meta))
        styled.append(out)
    return styled


class LayoutCellsOnce:
    """Mix into a DataTable subclass (before `DataTable` in the bases)."""

    _layouts: LRUCache[Any, list[list[Segment]]] | None = None

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> list[list[Segment]]:
        """Textual's `DataTable._render_cell`, with the layout cached apart from the styles."""
        table: Any = self
        is_header_cell = row_index == -1
        is_row_label_cell = column_index == -1
        is_fixed_style_cell = (
            not is_header_cell and not is_row_label_cell
            and (row_index < table.fixed_rows or column_index < table.fixed_columns)
        )
        row_key = table._header_row_key if is_header_cell else table._row_locations.get_key(row_index)
        column_key = table._column_locations.get_key(column_index)
        cell_cache_key = (row_key, column_key, base_style, cursor, hover, table._show_hover_cursor,
                          self._content_version(row_key, column_key), row_index, width, table._pseudo_class_state)
        cached: list[list[Segment]] | None = table._cell_render_cache.get(cell_cache_key)
        if cached is not None:
            return cached
        meta = Style.from_meta({"row": row_index, "column": column_index})
        component_style, post_style = table._get_styles_to_render_cell(
            is_header_cell, is_row_label_cell, is_fixed_style_cell, hover, cursor, table.show_cursor,
            table._show_hover_cursor, table.cursor_foreground_priority == "css",
            table.cursor_background_priority == "css",
        )
        lines = self._cell_layout(row_index, column_index, row_key, column_key, width, is_header_cell,
                                  is_row_label_cell)
        if _plain(base_style) and _plain(component_style) and _plain(post_style) and all(
                not segment.control and _plain(segment.style) for line in lines for segment in line):
            styled = _styled_then_meta(lines, base_style + component_style, post_style, meta)
        else:
            pre_style = base_style + meta + component_style
            styled = [list(Segment.apply_style(line, pre_style, post_style)) for line in lines]
        table._cell_render_cache[cell_cache_key] = styled
        return styled

    def _content_version(self, row_key: Any, column_key: Any) -> Hashable:
        """What changes whenever the cell's content may have: Textual's own update count
        unless a finer version is kept (tui.widgets.rows_in_place)."""
        table: Any = self
        count: int = table._update_count
        return count

    def _cell_layout(self, row_index: int, column_index: int, row_key: Any, column_key: Any, width: int,
                     is_header_cell: bool, is_row_label_cell: bool) -> list[list[Segment]]:
        table: Any = self
        app = table.app
        if is_header_cell:
            row_height = table.header_height
        else:
            row = table.rows[row_key]
            # An auto-height row not yet measured is laid out at its natural height.
            row_height = 0 if row.auto_height and row.height == 0 else row.height
        if is_header_cell:
            raw = table.columns[column_key].label
        elif is_row_label_cell:
            raw = table.rows[row_key].label
        else:
            raw = table._data[row_key].get(column_key)
        content = fingerprint(raw)
        if content is None:  # a renderable we cannot compare: keyed by where it is and its version
            content = (row_key, column_key, self._content_version(row_key, column_key))
        key = (content, is_header_cell, width, row_height, table.cell_padding)
        if self._layouts is None:
            self._layouts = LRUCache(LAYOUTS)
        lines = self._layouts.get(key)
        if lines is not None:
            return lines
        if is_header_cell:
            options = app.console_options.update_dimensions(width, row_height)
        elif row_height == 0:
            options = app.console_options.update_width(width)
        else:
            options = app.console_options.update_dimensions(width, row_height)
        if row_height == 1:  # as Textual: a row of height 1 never wraps
            options = options.update(no_wrap=True)
        row_label, row_cells = table._get_row_renderables(row_index)
        cell = (row_label if row_label is not None else "") if is_row_label_cell else row_cells[column_index]
        lines = plain_line(cell, width, table.cell_padding, options, app.console)  # tui.widgets.plain_cell
        if lines is None:
            lines = list(app.console.render_lines(Padding(cell, (0, table.cell_padding)), options))
        self._layouts[key] = lines
        return lines
