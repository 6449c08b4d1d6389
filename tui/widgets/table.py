"""The one table every pane and list uses: row cursor, vim aliases, database ids as row keys,
and status styles that come from the theme (component classes), so a theme switch or NO_COLOR
recolours every marker without reloading data."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from store.rules import Status
from tui.format import STATUS_CLASS
from tui.widgets.focus_cost import KeepRendersAcrossFocus, PrestyledScrollbars


class SagsTable(PrestyledScrollbars, KeepRendersAcrossFocus, DataTable):
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
