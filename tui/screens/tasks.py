"""`o` (opgaver): every open dated task of the caseload, worst first (overdue, then by date),
read from the obligations model (kind `task`, the same rows the Today pane and `sagsdag due`
show); `d` marks the one under the cursor done at once (u undoes it), enter opens the citizen."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from tui.format import date_cell, urgency_cell
from tui.i18n import t
from tui.host import host
from tui.messages import OpenCitizen, Write
from tui.screens.loading import LoadingScreen
from tui.text import plain
from tui.widgets.footer import QuietFooter
from tui.widgets.table import SagsTable
from tui.widgets.topbar import TopBar

if TYPE_CHECKING:  # without importing the store at start-up
    from store.facade import Store
    from store.obligations import Obligation


def fetch_tasks(store: Store) -> list[Obligation]:
    """Open dated tasks, earliest (most overdue) first."""
    return store.obligations(kinds=("task",))


def _title(item: Obligation) -> str:
    return item.args().get("title", "")


class TasksScreen(LoadingScreen["list[Obligation]"]):
    shows = frozenset({"task", "citizen"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "done", "key.task_done", id="tasks.done"),
        Binding("escape", "back", "key.back", id="tasks.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Obligation] = []

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar()
        yield Static(t("tasks.title"), classes="section-title")
        yield SagsTable(id="tasks-table")
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(SagsTable)
        for key, width in (("col.urgency", 12), ("col.due", 10), ("col.citizen", 30), ("col.task", 60)):
            table.add_column(t(key), width=width, key=key)
        table.focus()
        self.query_one(TopBar).show(host(self).clock.today(), host(self).caseworker, host(self).read_only)
        super().on_mount()

    def fetch(self, store: Store) -> list[Obligation]:
        return fetch_tasks(store)

    def show(self, rows: list[Obligation]) -> None:
        self.rows = rows
        table = self.query_one(SagsTable)
        keep, keep_row = table.current_key(), table.cursor_row
        table.clear()
        for item in rows:
            style = table.status_style(item.status)
            table.add_row(urgency_cell(item.status, item.days_left, style), date_cell(item.due, style),
                          plain(item.name or "–"), plain(_title(item)), key=str(item.ref_id))
        keys = [str(r.ref_id) for r in rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep), animate=False)
        elif keys:
            table.move_cursor(row=min(max(keep_row, 0), len(keys) - 1), animate=False)
        self.query_one(".section-title", Static).update(t("tasks.title_count", n=len(rows)))

    def _current(self) -> Obligation | None:
        key = self.query_one(SagsTable).current_key()
        return next((r for r in self.rows if str(r.ref_id) == key), None)

    def action_done(self) -> None:
        from store.commands.journal_entries import CompleteTask  # SQLAlchemy: kept out of start-up

        item = self._current()
        if item is None:
            self.app.notify(t("tasks.none_chosen"))
            return
        if getattr(self.app, "read_only", False):
            self.app.notify(t("app.read_only_refused"), severity="warning")
            return
        done = CompleteTask(task_id=item.ref_id, done_on=host(self).clock.today())
        self.app.post_message(Write(done, what="", notice=t("tasks.done", title=plain(_title(item)).plain)))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self._current()
        if item is not None and item.citizen_id is not None:
            self.post_message(OpenCitizen(item.citizen_id))

    def action_back(self) -> None:
        self.dismiss()
