"""The citizen screen's tables share their cells' layouts.

Each open of a citizen builds new tables, and a table kept its cells' layouts for itself
(tui.widgets.cell_layout): every open laid out every cell through Rich again, the headers, the
dates and the kinds of record included, ~10 ms of the first frame. The citizen tables of one
app share their layouts instead: a layout is keyed by the cell's content, width, height and
padding, none of them the table's, and laid out by the app's one console."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.cache import LRUCache

from tui.widgets.cell_layout import LAYOUTS

from tui.widgets.table import SagsTable


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
