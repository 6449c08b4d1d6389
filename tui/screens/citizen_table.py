"""The citizen screen's tables: each cell is measured once.

Every column of these tables has a set width, fitted to the screen by SagsTable, which measures
each cell as it is added. Textual 8.2's DataTable measures every cell of each new row once more
through Rich when it next idles (`_update_dimensions`), for the content width of auto-width
columns, which these tables never have: ~2 ms of the UI thread before the first frame of each
open of a citizen (issue 11). Without such a column, a row label or an auto-height row, only
the virtual size is set, as Textual's does after measuring (tests/tui/test_citizen_open.py).

Each open of a citizen builds new tables, and a table kept its cells' layouts for itself
(tui.widgets.cell_layout): every open laid out every cell through Rich again, the headers, the
dates and the kinds of record included, ~10 ms of the first frame. The citizen tables of one
app share their layouts instead: a layout is keyed by the cell's content, width, height and
padding, none of them the table's, and laid out by the app's one console."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual.cache import LRUCache
from textual.geometry import Size

from tui.widgets.cell_layout import LAYOUTS

from tui.widgets.table import SagsTable

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.widgets.data_table import RowKey


_shared: WeakKeyDictionary[Any, LRUCache[Any, Any]] = WeakKeyDictionary()  # the app -> its layouts


class CitizenTable(SagsTable):
    @property
    def _layouts(self) -> LRUCache[Any, Any] | None:
        layouts = _shared.get(self.app)
        if layouts is None:
            layouts = _shared[self.app] = LRUCache(LAYOUTS)
        return layouts

    @_layouts.setter
    def _layouts(self, layouts: LRUCache[Any, Any] | None) -> None:
        pass  # one for the app's citizen tables, made above

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        keys = list(new_rows)
        rows = [self.rows.get(key) for key in keys]
        if any(column.auto_width for column in self.columns.values()) or any(
                row is not None and (row.label is not None or row.auto_height) for row in rows):
            super()._update_dimensions(keys)
            return
        header = self.header_height if self.show_header else 0
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)
