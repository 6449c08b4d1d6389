"""What every pane shares: a titled, bordered table with its count in the border, a filter line
opened with `/`, data fetched in a thread worker one page at a time, and a cursor that stays on
the same citizen when the data changes underneath it.

A pane subclass says what to fetch (`fetch`, run in a worker thread against the Store facade)
and how a row looks (`cells`); it never touches the database on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding
from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input

from tui.i18n import t
from tui.messages import OpenCitizen
from tui.widgets.table import SagsTable

PAGE = 200  # rows fetched at a time; a DataTable measures every cell it holds
SEARCH_COUNT_CAP = 1000  # a filtered count stops here and shows "1000+"


@dataclass(frozen=True)
class PaneData:
    rows: tuple[Any, ...]
    total: int
    search: str


def paged(rows: list[Any], limit: int, search: str, count: Callable[[str | None], int]) -> PaneData:
    """A page that is not full holds everything there is; only a full one is worth a count
    query (and with a filter, a capped one)."""
    total = count(search or None) if len(rows) >= limit else len(rows)
    return PaneData(tuple(rows), total, search)


class Pane(Vertical):
    ALLOW_MAXIMIZE = True

    pane_id: ClassVar[str] = ""
    number: ClassVar[int] = 0
    title_key: ClassVar[str] = ""
    columns: ClassVar[tuple[tuple[str, int | None], ...]] = ()  # (catalog key, width)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "key.filter", id="pane.filter"),
        Binding("z", "maximize", "key.maximize", id="pane.maximize"),
    ]

    class Loaded(Message):
        def __init__(self, pane: Pane, data: PaneData) -> None:
            super().__init__()
            self.pane = pane
            self.data = data

    def __init__(self) -> None:
        super().__init__(id=f"pane-{self.pane_id}", classes="pane")
        self.search = ""
        self.rows: tuple[Any, ...] = ()
        self.total = 0
        self.loaded = False
        self.limit = PAGE

    def compose(self):  # type: ignore[no-untyped-def]
        yield SagsTable(id=f"{self.pane_id}-table")
        yield Input(placeholder=t("filter.placeholder"), id=f"{self.pane_id}-filter", classes="filter")

    @property
    def table(self) -> SagsTable:
        return self.query_one(SagsTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one(Input)

    def on_mount(self) -> None:
        for key, width in self.columns:
            self.table.add_column(t(key), width=width, key=key)
        self.filter_input.display = False
        self._set_title()

    # -- data ------------------------------------------------------------------------------

    def fetch(self, store: Any, search: str, limit: int) -> PaneData:  # pragma: no cover - abstract
        raise NotImplementedError

    def cells(self, row: Any) -> tuple[Text | str, ...]:  # pragma: no cover - abstract
        raise NotImplementedError

    def row_key(self, row: Any) -> str:
        return str(row.citizen_id)

    def citizen_of(self, row: Any) -> int | None:
        return getattr(row, "citizen_id", None)

    def reload(self) -> None:
        store = getattr(self.app, "store", None)
        if store is not None:
            self._load(store, self.search, self.limit)

    @work(thread=True, exclusive=True, exit_on_error=False, group="pane")
    def _load(self, store: Any, search: str, limit: int) -> None:
        self.post_message(self.Loaded(self, self.fetch(store, search, limit)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        message.stop()
        if message.data.search != self.search:
            return  # an older filter's answer arriving late
        self.apply(message.data)
        self.shown_search = message.data.search
        if self._open_single_on_load:
            self._open_if_single()

    def apply(self, data: PaneData) -> None:
        table = self.table
        keep_key = table.current_key()
        keep_row = table.cursor_row
        scroll_y = table.scroll_y
        self.rows, self.total, self.loaded = data.rows, data.total, True
        table.clear()
        keys = []
        for row in data.rows:
            key = self.row_key(row)
            if key in keys:
                continue  # one row per key; the first (worst) wins
            keys.append(key)
            table.add_row(*self.cells(row), key=key)
        if keep_key in keys:
            table.move_cursor(row=keys.index(keep_key), animate=False)
        elif keys:
            table.move_cursor(row=min(max(keep_row, 0), len(keys) - 1), animate=False)
        table.scroll_to(y=scroll_y, animate=False, immediate=True) if keep_key in keys else None
        self._set_title()

    def key_hints(self) -> str:
        """This pane's own keys, shown in its border (the footer shows the global ones)."""
        own = [b for b in type(self).__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.description]
        return "  ".join(f"{b.key} {b.description.lower()}" for b in own)

    def _set_title(self) -> None:
        title = t(self.title_key)
        total = f"{self.total}+" if self.search and self.total >= SEARCH_COUNT_CAP else f"{self.total}"
        count = total if len(self.rows) >= self.total else t("pane.shown", shown=len(self.rows), total=total)
        self.border_title = Text(f"{self.number} {title} ({count})" if self.loaded else f"{self.number} {title}")
        if self.search:
            self.border_subtitle = Text(t("pane.filtered", text=self.search))
        else:
            self.border_subtitle = Text(self.key_hints())

    def row_at_cursor(self) -> Any | None:
        key = self.table.current_key()
        if key is None:
            return None
        for row in self.rows:
            if self.row_key(row) == key:
                return row
        return None

    # -- keys ------------------------------------------------------------------------------

    _open_single_on_load = False
    shown_search: str | None = None  # the filter the rows on screen answer

    def action_filter(self) -> None:
        self._open_single_on_load = False
        field = self.filter_input
        field.display = True
        field.value = self.search
        field.focus()

    def action_maximize(self) -> None:
        if self.screen.maximized is self:
            self.screen.minimize()
        else:
            self.screen.maximize(self, container=False)
        self.table.focus()

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.search = event.value.strip()
        self.limit = PAGE
        self.reload()

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """enter in the filter: the only match opens; otherwise the list takes the keys. The
        answer for the last letter typed may still be on its way: then it decides on arrival."""
        event.stop()
        self.table.focus()
        if self.loaded and self.shown_search == self.search:
            self._open_if_single()
        else:
            self._open_single_on_load = True

    def _open_if_single(self) -> None:
        self._open_single_on_load = False
        if self.search and len(self.rows) == 1 and self.total == 1 and self.citizen_of(self.rows[0]) is not None:
            self.post_message(OpenCitizen(self.citizen_of(self.rows[0])))

    def clear_filter(self) -> bool:
        """esc in the filter line or on a filtered table: back to everything."""
        field = self.filter_input
        had = bool(self.search) or field.display
        if self.search:
            self.search = ""
            field.value = ""
            self.reload()
        field.display = False
        self.table.focus()
        return had

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key == "escape" and (self.search or self.filter_input.display):
            event.stop()
            event.prevent_default()
            self.clear_filter()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.row_at_cursor()
        if row is not None and self.citizen_of(row) is not None:
            self.post_message(OpenCitizen(self.citizen_of(row)))

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        row = self.row_at_cursor()
        self.app.prefetch.want(self.citizen_of(row) if row is not None else None)
        # Fetch the next page when the cursor reaches the last loaded row.
        if event.cursor_row >= len(self.rows) - 1 and len(self.rows) < self.total and self.loaded:
            self.limit = len(self.rows) + PAGE
            self.loaded = False
            self.reload()
