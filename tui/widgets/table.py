"""The one table every pane and list uses: row cursor, vim aliases, database ids as row keys,
and status styles that come from the theme (component classes), so a theme switch or NO_COLOR
recolours every marker without reloading data."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Self

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from store.rules import Status
from tui.format import STATUS_CLASS
from tui.widgets.cell_layout import LayoutCellsOnce
from tui.widgets.focus_cost import KeepRendersAcrossFocus, PrestyledScrollbars
from tui.widgets.render_style import OneStylePerRender
from tui.widgets.rows_in_place import RowsInPlace


# A column given at least this width is a text column (a name, a reason, a note).
TEXT_WIDTH = 18
MIN_TEXT = 6


def _width(cell: Any) -> int:
    text = cell.plain if isinstance(cell, Text) else str(cell) if cell is not None else ""
    if "\n" not in text:  # nearly every cell: one line
        return cell_len(text)
    return max(cell_len(line) for line in text.split("\n"))


def plan_widths(columns: list[tuple[Any, int, int]], room: int, padding: int) -> dict[Any, int]:
    """(key, needed width, text weight or 0) per column -> width per column, fitting `room`
    cells when it can. Short columns (weight 0) get what they need; text columns share the
    rest in proportion to their weights, a column needing less than its share leaving the
    remainder to the others."""
    widths = {key: need for key, need, weight in columns if not weight}
    left = room - sum(widths.values()) - padding * len(columns)
    active = [(key, need, weight) for key, need, weight in columns if weight]
    while active:
        total = sum(weight for _key, _need, weight in active)
        fits = [c for c in active if c[1] <= max(left, 0) * c[2] / total]
        if not fits:
            for key, need, weight in active:
                widths[key] = max(min(need, MIN_TEXT), int(max(left, 0) * weight / total))
            break
        for column in fits:
            widths[column[0]] = column[1]
            left -= column[1]
            active.remove(column)
    return widths


# Cells are whatever the panes render: text, Rich Text, numbers.
class SagsTable(PrestyledScrollbars, OneStylePerRender, KeepRendersAcrossFocus, RowsInPlace, LayoutCellsOnce,
                DataTable[Any]):
    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | set(STATUS_CLASS.values())
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "key.open", show=False, id="table.open"),
        Binding("down", "cursor_down", "key.down", show=False, id="table.down_arrow"),
        Binding("up", "cursor_up", "key.up", show=False, id="table.up_arrow"),
        Binding("left", "cursor_left", "key.scroll_left", show=False, id="table.left"),
        Binding("right", "cursor_right", "key.scroll_right", show=False, id="table.right"),
        Binding("pagedown", "page_down", "key.page_down", show=False, id="table.page_down"),
        Binding("pageup", "page_up", "key.page_up", show=False, id="table.page_up"),
        Binding("home", "scroll_top", "key.top", show=False, id="table.home"),
        Binding("end", "scroll_bottom", "key.bottom", show=False, id="table.end"),
        Binding("j", "cursor_down", "key.down", show=False, id="table.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="table.up"),
        Binding("g", "scroll_top", "key.top", show=False, id="table.top"),
        Binding("G", "scroll_bottom", "key.bottom", show=False, id="table.bottom"),
    ]

    def _set_hover_cursor(self, active: bool) -> None:
        # Textual repaints the hover row whenever a key turns the hover cursor off, even when it
        # is off already (the keyboard never turns it on): on enter, a frame of the main screen
        # (~3 ms) before the citizen screen is pushed (tests/tui/test_citizen_open.py).
        if active == self._show_hover_cursor:
            return
        super()._set_hover_cursor(active)
    # No horizontal scrollbar: columns are sized to fit, and a bar would cost every pane a row
    # of data. left/right still scroll a table wider than its pane.
    DEFAULT_CSS = """
    SagsTable { scrollbar-size-horizontal: 0; }
    SagsTable > .status--overdue { color: $text-error; text-style: bold; }
    SagsTable > .status--due-soon { color: $text-warning; }
    SagsTable > .status--ok { color: $text-success; }
    """

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self._flex: dict[Any, int] = {}  # column key -> weight of a text column in sharing the room (0: short)
        self._need: dict[Any, int] = {}  # column key -> widest cell seen (header included)
        self._fit_pending = False
        self._measured: dict[str, tuple[Sequence[Any], tuple[int, ...]]] = {}  # key -> (cells, widths)

    # -- column widths ----------------------------------------------------------------------
    # A column is as wide as its widest cell, up to what the terminal gives: short columns
    # (status, dates, CPR) always get their full width, so "! 261 d. over" is never cut;
    # text columns (names, reasons, details) share the rest, each taking what it needs when
    # there is room (a maximised pane, a wide terminal) and an even share when there is not.

    def add_column(self, label: str | Text, *, width: int | None = None, key: str | None = None,
                   default: Any = None, weight: int | None = None) -> ColumnKey:
        """`width` as before: what the column is designed for. A text column (width at least
        TEXT_WIDTH, or a `weight`) shares the room with the others by that weight."""
        column_key = super().add_column(label, width=width, key=key, default=default)
        if weight is None:
            weight = width if width is not None and width >= TEXT_WIDTH else 0 if width is not None else TEXT_WIDTH
        self._flex[column_key] = weight
        self._need[column_key] = _width(label)
        self._fit_soon()
        return column_key

    def add_row(self, *cells: Any, **kwargs: Any) -> RowKey:
        for column_key, cell in zip(self._column_locations, cells):
            width = _width(cell)
            if width > self._need.get(column_key, 0):
                self._need[column_key] = width
        self._fit_soon()
        return super().add_row(*cells, **kwargs)

    def replace_rows(self, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
        super().replace_rows(rows)
        # As a refill would measure them: the widest cell of each column now shown. A row whose
        # cells are the very ones measured last time keeps its widths.
        measured, self._measured = self._measured, {}
        need = {key: _width(column.label) for key, column in self.columns.items()}
        for key, cells in rows:
            known = measured.get(key)
            widths = known[1] if known is not None and known[0] is cells else tuple(_width(cell) for cell in cells)
            self._measured[key] = (cells, widths)
            for column_key, width in zip(self._column_locations, widths):
                if width > need.get(column_key, 0):
                    need[column_key] = width
        if need != self._need:
            self._need = need
            self._fit_soon()
        if self._fit_pending and self.size.width:
            # Now, not after the next frame: that frame would lay out every visible cell at
            # the widths the table had (its header's, when a pane gets its first rows), and the
            # frame after it all of them again at the fitted widths (issue 15: two frames of
            # ~10 ms for each pane landing during start-up).
            self.fit_columns()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # Textual 8.2 measures every cell of each new row once more through Rich when the table
        # next idles, for the content width of auto-width columns. Ours have set widths (fitted
        # above from the widths measured as rows come), so with no such column, row label or
        # auto-height row only the virtual size is set, as Textual's does after measuring. The
        # quick first page's 200 rows at 50,000 citizens were measured so before the first
        # frame (27 ms of the main thread under a profiler, 1.7 ms now), and each pane
        # landing paid for its new rows (issue 15).
        keys = list(new_rows)
        rows = [self.rows.get(key) for key in keys]
        if any(column.auto_width for column in self.columns.values()) or any(
                row is not None and (row.label is not None or row.auto_height) for row in rows):
            super()._update_dimensions(keys)
            return
        header = self.header_height if self.show_header else 0
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)

    def clear(self, columns: bool = False) -> Self:
        super().clear(columns)
        if columns:
            self._flex.clear()
            self._need.clear()
        else:
            self._need = {key: _width(column.label) for key, column in self.columns.items()}
        return self

    def _fit_soon(self) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            self.call_after_refresh(self.fit_columns)

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self, width: int | None = None) -> None:
        """`width`: the width the table is expected to have, before its first layout (its own
        size once it has one), so that the first frame already has the fitted columns."""
        self._fit_pending = False
        room = (self.size.width or (width or 0)) - self.styles.scrollbar_size_vertical
        if room <= 0 or not self.columns:
            return
        widths = plan_widths(
            [(key, self._need.get(key, 1), self._flex.get(key, 0)) for key in self._column_locations],
            room, 2 * self.cell_padding)
        changed = False
        for key, width in widths.items():
            column = self.columns[key]
            if column.width != width or column.auto_width:
                column.width, column.auto_width, changed = width, False, True
        if changed:
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()

    def status_style(self, status: Status | None) -> Style | None:
        if status is None:
            return None
        return self.get_component_rich_style(STATUS_CLASS[status], partial=True)

    def action_scroll_top(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def current_key(self) -> str | None:
        if not self.row_count or self.cursor_row < 0:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:  # noqa: BLE001 - the cursor can point past a just-cleared table
            return None
