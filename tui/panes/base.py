"""What every pane shares: a titled, bordered table with its count in the border, a filter line
opened with `/`, data fetched in a thread worker one page at a time, and a cursor that stays on
the same citizen when the data changes underneath it.

A pane subclass says what to fetch (`fetch`, run in a worker thread against the Store facade),
how a row looks (`cells`), its row key (`row_key`) and which kinds of record it shows:

- `shows`: table names whose change always reloads the pane (e.g. {"meeting"});
- `row_kinds`: table names whose change reloads the pane only when a changed citizen has a row
  here (default {"citizen"}: the rows show a name and a CPR number).

It never touches the database on the UI thread. A failed load keeps the rows it had, marks
the title stale and tells the app (LoadFailed); an older load answering late is dropped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Generic, cast

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input

from tui.i18n import current_language, t
from tui.panes.pending_keys import PendingKeys
from tui.panes.rows import PaneRow, R, R_co
from tui.refresh import Reload, planned
from tui.messages import LoadFailed, OpenCitizen
from tui.widgets.frame_cost import QuietTitles
from tui.widgets.key_waiting import key_goes_first, keys_in_rhythm
from tui.widgets.table import SagsTable
from tui.host import host

if TYPE_CHECKING:
    from store.commands.base import ChangeSet
    from store.facade import Store

# A fetch on a worker thread, given the store: `Pane.partial_fetch`.
PartialFetch = Callable[["Store"], "PaneData[R]"]

PAGE = 200  # rows fetched at a time; a DataTable measures every cell it holds
LAND_AFTER_KEYS = 3  # at most this many frames a pane's rows wait for keys during start-up
SEARCH_COUNT_CAP = 1000  # a filtered count stops here and shows "1000+"


@dataclass(frozen=True)
class PaneData(Generic[R_co]):
    rows: tuple[R_co, ...]
    total: int
    search: str


def paged(rows: list[R], limit: int, search: str, count: Callable[[str | None], int]) -> PaneData[R]:
    """A page that is not full holds everything there is; only a full one is worth a count
    query (and with a filter, a capped one)."""
    total = count(search or None) if len(rows) >= limit else len(rows)
    return PaneData(tuple(rows), total, search)


class Pane(QuietTitles, Vertical, Generic[R]):
    ALLOW_MAXIMIZE = True

    pane_id: ClassVar[str] = ""
    number: ClassVar[int] = 0
    title_key: ClassVar[str] = ""
    columns: ClassVar[tuple[tuple[str, int | None], ...]] = ()  # (catalog key, width)
    # Columns left out while the pane is narrower than `wide_from` cells (half of a 160-column
    # terminal, or an 80-column one): names and reasons need the room more. `z` shows them all.
    narrow_drop: ClassVar[frozenset[str]] = frozenset()
    wide_from: ClassVar[int] = 110
    shows: ClassVar[frozenset[str]] = frozenset()  # record kinds (table names) behind the rows
    row_kinds: ClassVar[frozenset[str]] = frozenset({"citizen"})  # matter only for rows shown

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "key.filter", id="pane.filter"),
        Binding("z", "maximize", "key.maximize", id="pane.maximize"),
    ]

    class Loaded(Message):
        def __init__(self, pane: Vertical, data: PaneData[PaneRow], generation: int) -> None:
            super().__init__()
            self.pane = pane
            self.data = data
            self.generation = generation

    class Failed(Message):
        def __init__(self, pane: Vertical, error: BaseException, generation: int) -> None:
            super().__init__()
            self.pane = pane
            self.error = error
            self.generation = generation

    def __init__(self) -> None:
        super().__init__(id=f"pane-{self.pane_id}", classes="pane")
        self.search = ""
        self.rows: tuple[R, ...] = ()
        self.total = 0
        self.loaded = False
        self.stale = False
        self.limit = PAGE
        self._generation = 0  # of the newest load asked for; only its answer lands
        self._landed = 0  # of the load whose rows are shown
        self._waited_for_keys = 0  # frames the rows now landing have waited for keys
        self.narrow = False
        self._cells_shown: dict[str, tuple[R, tuple[Text | str, ...]]] = {}  # key -> (row, its cells)
        self._look: object = None  # what the cells shown were drawn for
        self._pending_keys = PendingKeys()  # cursor keys and enter pressed before the first rows

    def compose(self):  # type: ignore[no-untyped-def]
        self._table = SagsTable(id=f"{self.pane_id}-table")
        yield self._table

    _table: SagsTable | None = None

    @property
    def table(self) -> SagsTable:
        # Kept, not queried: every row's cells ask for it (its status styles), 200 queries of
        # the pane's children for a page.
        if self._table is None:
            self._table = self.query_one(SagsTable)
        return self._table

    @property
    def filter_input(self) -> Input:
        """The filter line, made when first wanted: five hidden ones cost ~4 ms of styling and
        mounting before the first frame (issue 15)."""
        for field in self.query_children(Input):
            return field
        field = Input(placeholder=t("filter.placeholder"), id=f"{self.pane_id}-filter", classes="filter")
        field.display = False
        self._filter_mounted = self.mount(field)
        return field

    _filter_mounted: Any = None

    def _filter_shown(self) -> bool:
        return any(field.display for field in self.query_children(Input))

    def on_mount(self) -> None:
        self._add_columns()
        self._set_title()

    def _shown_columns(self) -> list[tuple[str, int | None]]:
        return [(key, width) for key, width in self.columns if not (self.narrow and key in self.narrow_drop)]

    def _add_columns(self) -> None:
        for key, width in self._shown_columns():
            self.table.add_column(t(key), width=width, key=key)

    def on_resize(self) -> None:
        narrow = bool(self.narrow_drop) and 0 < self.size.width < self.wide_from
        if narrow != self.narrow:
            self.narrow = narrow
            with self.app.batch_update():
                self.table.clear(columns=True)
                self._add_columns()
                if self.loaded:
                    self.apply(PaneData(self.rows, self.total, self.search))

    def shown_cells(self, row: R) -> tuple[Text | str, ...]:
        """The row's cells for the columns shown at this width."""
        cells = self.cells(row)
        if not self.narrow:
            return cells
        return tuple(cell for (key, _), cell in zip(self.columns, cells) if key not in self.narrow_drop)

    # -- data ------------------------------------------------------------------------------

    def fetch(self, store: Store, search: str, limit: int) -> PaneData[R]:  # pragma: no cover - abstract
        raise NotImplementedError

    def cells(self, row: R) -> tuple[Text | str, ...]:  # pragma: no cover - abstract
        raise NotImplementedError

    def row_key(self, row: R) -> str:
        return str(row.citizen_id)

    def citizen_of(self, row: R) -> int | None:
        return row.citizen_id

    def wants(self, changes: ChangeSet) -> bool:
        """Does this change touch a row shown here?"""
        if changes.touches(self.shows):
            return True
        if changes.touches(self.row_kinds):
            return any(self.citizen_of(row) in changes.citizens for row in self.rows)
        return False

    def refresh_for(self, changes: ChangeSet) -> None:
        if self.wants(changes):
            self.reload(self.partial_fetch(changes) if self._settled() else None)

    def partial_fetch(self, changes: ChangeSet) -> PartialFetch[R] | None:
        """A fetch that reads only what `changes` touched and merges it into the rows shown
        now (captured here, on the UI thread), answering the whole page as `fetch` would.
        None: load everything again. Asked only while the rows shown answer the newest load."""
        return None

    def next_page(self) -> PartialFetch[R] | None:
        """A fetch that reads only the rows after the last one shown and appends them (asked
        when the cursor reaches the last row). None: read the first `limit` rows again."""
        return None

    def _settled(self) -> bool:
        """The rows shown answer the newest load asked for, with the filter typed now."""
        return self.loaded and self._landed == self._generation and self.shown_search == self.search

    # The next answer leaves the table as it is if its rows equal those shown: the full store's
    # first page after the quick one (tui.screens.main), whose cells are then not laid out again.
    keep_same_rows = False

    def shows_newest(self) -> bool:
        """The rows shown answer the newest load asked for (tui.screens.main's loads in turn)."""
        return self.loaded and self._landed == self._generation

    def reload(self, part: PartialFetch[R] | None = None) -> None:
        store = host(self).store
        if store is None:
            return
        self._generation += 1
        self._waited_for_keys = 0
        generation = self._generation
        fetch = partial(part, store) if part is not None else partial(self.fetch, store, self.search, self.limit)
        batch = planned()
        if batch is not None:  # a write's refresh: the writer's thread loads, with the others
            batch.add(Reload(fetch, partial(self.land, generation=generation),
                             partial(self.land_failed, generation=generation)))
        else:
            self._load(fetch, generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="pane")
    def _load(self, fetch: Callable[[], PaneData[R]], generation: int) -> None:
        try:
            data = fetch()
        except Exception as exc:  # noqa: BLE001 - the app says what failed; the rows stay
            self.post_message(self.Failed(self, exc, generation))
        else:
            self.post_message(self.Loaded(self, data, generation))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        message.stop()
        if message.pane is self:  # this pane's own fetch: rows of its own type
            self.land(cast("PaneData[R]", message.data), generation=message.generation)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        message.stop()
        self.land_failed(message.error, generation=message.generation)

    def land(self, data: PaneData[R], *, generation: int, after_key_frame: bool = False) -> None:
        """A load's answer, on the UI thread: shown unless a newer load was asked for since."""
        if generation != self._generation:
            return  # an older load answering after a newer one was asked for
        keys = None if after_key_frame or self._pending_keys else keys_in_rhythm(self.app)
        if keys is not None:
            # Keys come in rhythm during start-up: the rows land right after a key's frame has
            # been drawn (or once the keys pause), so the landing frame is over before the next
            # key comes; a key that met a landing frame waited 11-25 ms of it (issue 15). A pane
            # with keys kept for its rows lands at once: those keys wait for the rows.
            keys.after_key_frame(partial(self.land, data, generation=generation, after_key_frame=True))
            return
        if not after_key_frame and self._waited_for_keys < LAND_AFTER_KEYS and key_goes_first(self.app):
            # Landing lays out a table's visible cells (~10 ms): a start-up key waiting for its
            # frame is answered first, and the rows land in the frame after (issue 15).
            self._waited_for_keys += 1
            self.call_after_refresh(partial(self.land, data, generation=generation))
            return
        self._waited_for_keys = 0
        self.stale = False
        self._landed = generation
        self.apply(data)
        self.shown_search = data.search
        if self._pending_keys:
            self._replay_keys()
        if self._open_single_on_load:
            self._open_if_single()

    def land_failed(self, error: BaseException, *, generation: int) -> None:
        if generation == self._generation:
            self.stale = True  # the last good rows stay, marked
            self._set_title()
        self.post_message(LoadFailed(error))

    def apply(self, data: PaneData[R]) -> None:
        """Show these rows, one per key, keeping the cursor on the same row. Rows already shown
        are compared by key and content and only what differs is changed (SagsTable.replace_rows):
        an unchanged row keeps its drawn lines. It runs inside one batch update: no frame can
        show the table half changed or a row twice."""
        table = self.table
        keep_key = table.current_key()
        keep_row = table.cursor_row
        scroll_y = table.scroll_y
        unique: dict[str, R] = {}
        for row in data.rows:
            unique.setdefault(self.row_key(row), row)  # one row per key; the first (worst) wins
        keys = list(unique)
        same, self.keep_same_rows = self.keep_same_rows and self.loaded and tuple(unique.values()) == self.rows, False
        if same and data.total == self.total:
            self._set_title()  # the table and the cells it has laid out stay
            return
        self.rows, self.total, self.loaded = tuple(unique.values()), data.total, True
        # A row equal to the one shown under its key, drawn in the same look, keeps its cells:
        # rebuilding them (names cleaned, dates formatted) was most of what landing a reload cost.
        look = (self.narrow, current_language(), self.app.theme, host(self).clock.today())
        kept = self._cells_shown if look == self._look else {}
        shown = {key: cells if (cells := kept.get(key)) is not None and cells[0] == row else (row, self.shown_cells(row))
                 for key, row in unique.items()}
        self._cells_shown, self._look = shown, look
        with self.app.batch_update():
            table.replace_rows([(key, cells) for key, (_row, cells) in shown.items()])
            if keep_key in unique:
                table.move_cursor(row=keys.index(keep_key), animate=False)
                if table.scroll_y != scroll_y:  # a refill scrolled to the top
                    table.scroll_to(y=scroll_y, animate=False, immediate=True)
            elif keys:
                table.move_cursor(row=min(max(keep_row, 0), len(keys) - 1), animate=False)
            self._set_title()

    def key_hints(self) -> str:
        """This pane's own keys, shown in its border (the footer shows the global ones)."""
        own = [b for b in type(self).__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.description]
        return "  ".join(f"{b.key} {b.description.lower()}" for b in own)

    def _set_title(self) -> None:
        title = t(self.title_key)
        total = f"{self.total}+" if self.search and self.total >= SEARCH_COUNT_CAP else f"{self.total}"
        count = total if len(self.rows) >= self.total else t("pane.shown", shown=len(self.rows), total=total)
        shown = f"{self.number} {title} ({count})" if self.loaded else f"{self.number} {title}"
        self.border_title = Text(shown + (" " + t("pane.stale") if self.stale else ""))
        if self.search:
            self.border_subtitle = Text(t("pane.filtered", text=self.search))
        else:
            self.border_subtitle = Text(self.key_hints())

    def row_at_cursor(self) -> R | None:
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

    async def action_filter(self) -> None:
        self._open_single_on_load = False
        field = self.filter_input
        if not field.is_mounted:
            await self._filter_mounted  # the first `/`: typed letters wait until the line is there
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
        if self.search and len(self.rows) == 1 and self.total == 1:
            citizen_id = self.citizen_of(self.rows[0])
            if citizen_id is not None:
                self.post_message(OpenCitizen(citizen_id))

    def clear_filter(self) -> bool:
        """esc in the filter line or on a filtered table: back to everything."""
        if not (self.search or self._filter_shown()):
            self.table.focus()
            return False
        field = self.filter_input
        had = True
        if self.search:
            self.search = ""
            field.value = ""
            self.reload()
        field.display = False
        self.table.focus()
        return had

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key == "escape" and (self.search or self._filter_shown()):
            event.stop()
            event.prevent_default()
            self.clear_filter()
        elif self.rows_coming() and self.table.has_focus and self._pending_keys.keep(self.table, event.key):
            # The table has no rows yet: the key would move nothing. It runs once they land
            # (tui.panes.pending_keys); no binding sees it now.
            event.stop()
            event.prevent_default()

    def rows_coming(self) -> bool:
        """This pane has never shown rows (no quick page, no load landed yet)."""
        return not self.loaded and self._landed == 0

    def _replay_keys(self) -> None:
        table = self.table
        self._pending_keys.replay(table, may_open=table.has_focus and self.screen is self.app.screen)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.row_at_cursor()
        citizen = self.citizen_of(row) if row is not None else None
        if citizen is not None:
            self.post_message(OpenCitizen(citizen))

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        row = self.row_at_cursor()
        host(self).prefetch.want(self.citizen_of(row) if row is not None else None)
        # Fetch the next page when the cursor reaches the last loaded row.
        if event.cursor_row >= len(self.rows) - 1 and len(self.rows) < self.total and self.loaded:
            self.limit = len(self.rows) + PAGE
            part = self.next_page()
            self.loaded = False
            self.reload(part)
