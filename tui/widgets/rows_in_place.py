"""A table refilled with mostly the same rows redraws only the rows that changed.

Textual 8.2's DataTable keys every render cache (lines, rows, cells) by `_update_count`, which
any `add_row`, `update_cell` or `remove_row` raises: one changed cell and every visible row of
the table goes through Rich again. A pane reload used to `clear()` and add every row back, so a
save that changed one citizen re-laid out and re-rendered the three reloaded tables in full
(55 lines, 304 cells at 50 citizens; about 80% of the frame that shows a saved meeting).

`RowsInPlace` gives each cell and row a version, raised only when its content changes, and
keys the row and line caches by row key, version, position and whether the cursor is on the
row, instead of by `_update_count`. `replace_rows(rows)` compares the new rows with the shown
ones by key and content and changes only what differs; an unchanged row keeps its cached
lines, a row that only moved keeps its drawn line with the new row number put in its mouse
metadata (the only thing in it that says where it is; its look depends on the place only
through the cursor, hover, zebra stripes and fixed rows, which the keys name), and only rows
that changed or moved are repainted. A save that moved a citizen's row past twenty others
styled those twenty rows' cells again (~5 ms of the save's frame at 50 citizens). The entries live in
Textual's own caches, so whatever empties those (a restyle, new column widths) empties them too.

What belongs upstream: version-keyed caches in DataTable, and a `replace_rows`/keyed-diff API.
Carried here until then; tests/tui/test_rows_in_place.py checks, line for line, that a table
updated in place draws what a table filled afresh draws."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import zip_longest
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.coordinate import Coordinate
from textual.strip import Strip
from textual.widgets.data_table import CellKey, ColumnKey, RowKey

from textual._two_way_dict import TwoWayDict
from textual.widgets._data_table import DuplicateKey, Row

from tui.widgets.cell_fingerprint import fingerprint


def same_cell(old: Any, new: Any) -> bool:
    """Whether a cell shows the same: Rich's `Text.__eq__` ignores the text's own style."""
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    known = fingerprint(old)
    return known is not None and known == fingerprint(new)


class RowsInPlace:
    """Mix into a DataTable subclass (before `LayoutCellsOnce` and `DataTable` in the bases)."""

    _row_versions: dict[Any, int] | None = None  # row key -> version of its content
    _cell_versions: dict[Any, dict[Any, int]] | None = None  # row key -> column key -> version
    _version_seq = 0
    _columns_version = 0

    # -- versions ---------------------------------------------------------------------------

    def _bump(self, row_key: Any, column_keys: Any) -> None:
        """New content in these cells of this row."""
        if self._row_versions is None or self._cell_versions is None:
            self._row_versions, self._cell_versions = {}, {}
        self._version_seq += 1
        self._row_versions[row_key] = self._version_seq
        cells = self._cell_versions.setdefault(row_key, {})
        for column_key in column_keys:
            cells[column_key] = self._version_seq

    def _content_version(self, row_key: Any, column_key: Any) -> Hashable:
        """The version of one cell's content (tui.widgets.cell_layout keys its renders by it)."""
        table: Any = self
        if row_key is table._header_row_key:
            return ("columns", self._columns_version)
        return (self._cell_versions or {}).get(row_key, {}).get(column_key, 0)

    def _row_version(self, row_key: Any) -> int:
        table: Any = self
        if row_key is table._header_row_key:
            return -self._columns_version
        return (self._row_versions or {}).get(row_key, 0)

    def add_column(self, *args: Any, **kwargs: Any) -> ColumnKey:
        self._columns_version += 1
        return super().add_column(*args, **kwargs)  # type: ignore[misc, no-any-return]

    def add_row(self, *cells: Any, **kwargs: Any) -> RowKey:
        row_key: RowKey = super().add_row(*cells, **kwargs)  # type: ignore[misc]
        table: Any = self
        self._bump(row_key, table._data[row_key])
        return row_key

    def update_cell(self, row_key: RowKey | str, column_key: ColumnKey | str, value: Any, *,
                    update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, value, update_width=update_width)  # type: ignore[misc]
        self._bump(RowKey(row_key) if isinstance(row_key, str) else row_key,
                   [ColumnKey(column_key) if isinstance(column_key, str) else column_key])

    def remove_row(self, row_key: RowKey | str) -> None:
        super().remove_row(row_key)  # type: ignore[misc]
        self._forget([RowKey(row_key) if isinstance(row_key, str) else row_key])

    def clear(self, columns: bool = False) -> Any:
        result = super().clear(columns)  # type: ignore[misc]
        self._row_versions, self._cell_versions = {}, {}
        if columns:
            self._columns_version += 1
        return result

    def _forget(self, row_keys: Sequence[Any]) -> None:
        for row_key in row_keys:
            (self._row_versions or {}).pop(row_key, None)
            (self._cell_versions or {}).pop(row_key, None)

    # -- the diff ---------------------------------------------------------------------------

    def replace_rows(self, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
        """Show exactly `rows` (key, cells), in this order, keys unique. A row whose key is shown
        already keeps its cached lines unless its cells differ; it is repainted only if it
        changed or moved. With no key in common it is a plain refill (`clear`, then `_fill`)."""
        table: Any = self
        old_keys = [table._row_locations.get_key(index) for index in range(table.row_count)]
        new_keys = [RowKey(key) for key, _cells in rows]
        if len(set(new_keys)) != len(new_keys):
            raise DuplicateKey("A row key is given twice.")
        if not old_keys or table._data.keys().isdisjoint(new_keys):
            table.clear()
            self._fill(new_keys, [cells for _key, cells in rows])
            return
        columns = table.ordered_columns
        old_index = {key: index for index, key in enumerate(old_keys)}
        old_data, old_rows = dict(table._data), dict(table.rows)
        data: dict[RowKey, dict[ColumnKey, Any]] = {}
        metas: dict[RowKey, Row] = {}
        repaint: list[int] = []
        added = False
        measure = any(column.auto_width for column in columns)
        for index, (row_key, (_key, cells)) in enumerate(zip(new_keys, rows)):
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            fresh = {column.key: cell for column, cell in zip_longest(columns, cells)}
            shown = old_data.get(row_key)
            if shown is None:
                data[row_key], metas[row_key] = fresh, Row(row_key, 1, None, False)
                table._new_rows.add(row_key)
                self._bump(row_key, fresh)
                added = True
                repaint.append(index)
                continue
            metas[row_key] = old_rows[row_key]
            changed = [column_key for column_key, cell in fresh.items() if not same_cell(shown.get(column_key), cell)]
            if changed:
                # Unchanged cells keep the very objects drawn: their cached layout stays valid.
                data[row_key] = {column_key: (cell if column_key in changed else shown[column_key])
                                 for column_key, cell in fresh.items()}
                self._bump(row_key, changed)
                if measure:
                    table._updated_cells.update(CellKey(row_key, column_key) for column_key in changed)
            else:
                data[row_key] = shown
            if changed or old_index[row_key] != index:
                repaint.append(index)
        gone = [key for key in old_keys if key not in data]
        if not repaint and not gone:
            return  # the same rows in the same order: nothing to draw
        self._forget(gone)
        for key in gone:
            for column_key in old_data[key]:
                table._updated_cells.discard(CellKey(key, column_key))
        table._data.clear()
        table._data.update(data)
        table.rows.clear()
        table.rows.update(metas)
        table._row_locations = TwoWayDict({key: index for index, key in enumerate(new_keys)})
        table._update_count += 1  # row order and offsets (Textual's own caches of them)
        table.cursor_coordinate = table.cursor_coordinate  # clamped to the rows there are now
        table.hover_coordinate = table.hover_coordinate
        if added or gone:
            # The height changes (or a new row is measured): Textual lays the table out again.
            table._require_update_dimensions = True
            table.check_idle()
            table.refresh()
        else:
            # One region per run of neighbouring rows: refresh_row finds a row's place by adding
            # up the heights of every row above it, which for a run of moved rows added up the
            # same rows over and over.
            runs: list[list[int]] = []
            for index in repaint:  # ascending
                if runs and index == runs[-1][-1] + 1:
                    runs[-1].append(index)
                else:
                    runs.append([index])
            for run in runs:
                top, bottom = table._get_row_region(run[0]), table._get_row_region(run[-1])
                table._refresh_region(top.union(bottom))

    def _fill(self, keys: Sequence[RowKey], rows: Sequence[Sequence[Any]]) -> None:
        """Add these rows to an empty table, all at once: what `add_row` does for each row,
        less what it repeats for each (the cursor clamped, the columns put in order, an idle
        check, a width measured that `SagsTable.replace_rows` measures again). Showing the quick
        first page's 200 caseload rows took 13 ms of the main thread before the first frame at
        50,000 citizens, 7 ms without the repeats (issue 15)."""
        table: Any = self
        columns = table.ordered_columns
        for row_key, cells in zip(keys, rows):
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            fresh = {column.key: cell for column, cell in zip_longest(columns, cells)}
            table._data[row_key] = fresh
            table.rows[row_key] = Row(row_key, 1, None, False)
            self._bump(row_key, fresh)
        table._new_rows.update(keys)
        table._row_locations = TwoWayDict({key: index for index, key in enumerate(keys)})
        table._require_update_dimensions = True
        table.cursor_coordinate = table.cursor_coordinate
        if keys and table.columns and table.show_cursor and table.cursor_type != "none":
            table._highlight_cursor()  # as add_row does when the first row arrives
        table._update_count += 1
        table.check_idle()

    # -- caches keyed by content, not by `_update_count` ------------------------------------

    def _where(self, row_index: int, cursor: Coordinate, hover: Coordinate) -> Hashable:
        """What of the cursor and hover positions a row's look depends on."""
        table: Any = self
        if table.cursor_type == "row":
            return (cursor.row == row_index, hover.row == row_index)
        return (cursor, hover)

    _widths_this_render: tuple[int, ...] | None = None

    def render_lines(self, crop: Any) -> Any:
        # Column widths cannot change while one render runs: measured once, not twice per row.
        table: Any = self
        self._widths_this_render = tuple(column.get_render_width(table) for column in table.ordered_columns)
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._widths_this_render = None

    def _layout_key(self, row_key: Any, row_index: int, line_no: int, base_style: Style,
                    where: Hashable) -> tuple[Hashable, ...]:
        table: Any = self
        widths = self._widths_this_render
        if widths is None:
            widths = tuple(column.get_render_width(table) for column in table.ordered_columns)
        return ("in-place", row_key, self._row_version(row_key), row_index, line_no, base_style, where,
                table.cursor_type, table.show_cursor, table._show_hover_cursor, table._pseudo_class_state,
                table.size.width, widths)

    def _render_line_in_row(self, row_key: Any, line_no: int, base_style: Style, cursor_location: Coordinate,
                            hover_location: Coordinate) -> Any:
        table: Any = self
        row_index = table._row_locations.get(row_key) if row_key in table._row_locations else -1
        where = self._where(row_index, cursor_location, hover_location)
        key = self._layout_key(row_key, row_index, line_no, base_style, where)
        cached = table._row_render_cache.get(key)
        if cached is None:
            # Drawn at another place (the row only moved): the same line with its new place in
            # the mouse metadata, not every cell restyled and joined again.
            moved = ("moved", *key[:3], self._place(row_index), *key[4:])
            drawn = table._row_render_cache.get(moved)
            if drawn is not None and row_index >= 0:
                cached = _at_row(drawn[1], drawn[0], row_index)
            else:
                cached = super()._render_line_in_row(  # type: ignore[misc]
                    row_key, line_no, base_style, cursor_location, hover_location)
            table._row_render_cache[key] = cached
            table._row_render_cache[moved] = (row_index, cached)
        return cached

    def _place(self, row_index: int) -> Hashable:
        """What of a row's place its look depends on (DataTable._get_row_style)."""
        table: Any = self
        if row_index < 0:
            return "header"
        if row_index < table.fixed_rows:
            return ("fixed", row_index)
        return row_index % 2 if table.zebra_stripes else "body"

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        table: Any = self
        try:
            row_key, line_no = table._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)  # type: ignore[misc, no-any-return]
        row_index = table._row_locations.get(row_key) if row_key in table._row_locations else -1
        key = (*self._layout_key(row_key, row_index, line_no, base_style,
                                 self._where(row_index, table.cursor_coordinate, table.hover_coordinate)), x1, x2)
        cached: Strip | None = table._line_cache.get(key)
        if cached is None:
            # The row only moved: its line as drawn at its old place, the new place in its mouse
            # metadata (not cropped, joined and simplified again from its cells).
            moved = ("moved", *key[1:3], self._place(row_index), *key[4:])
            drawn = table._line_cache.get(moved)
            if drawn is not None and row_index >= 0:
                then, strip = drawn
                cached = Strip([_at(segment, then, row_index) for segment in strip], strip.cell_length)
            else:
                cached = super()._render_line(y, x1, x2, base_style)  # type: ignore[misc]
            table._line_cache[key] = cached
            table._line_cache[moved] = (row_index, cached)
        return cached


def _at(segment: Segment, then: int, now: int) -> Segment:
    """The segment with its mouse metadata saying row `now` where it said `then` (DataTable's
    clicks and hover read the row from it)."""
    style = segment.style
    if style is None or not style._meta:
        return segment
    meta = style.meta
    if meta.get("row") != then:
        return segment
    return Segment(segment.text, style + Style.from_meta({**meta, "row": now}), segment.control)


def _at_row(pair: Any, then: int, now: int) -> Any:
    """A row's rendered line (fixed cells, scrollable cells) at row `now` instead of `then`."""
    return tuple([[_at(segment, then, now) for segment in cell] for cell in part] for part in pair)
