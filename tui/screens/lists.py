"""Case sparring: stuck cases to bring to the team (no held meeting or no progress for a long
time, a late certificate, a course without reports), most reasons first."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from store.queries.screen_rows import SparringRow
from tui.format import cpr_cell, since_cell
from tui.host import host
from tui.i18n import t
from tui.messages import OpenCitizen
from tui.screens.loading import LoadingScreen
from tui.text import plain
from tui.widgets.table import SagsTable
from tui.widgets.footer import QuietFooter
from tui.widgets.topbar import TopBar

if TYPE_CHECKING:  # without importing the store at start-up
    from store.facade import Store



def stuck_days(today) -> int:  # type: ignore[no-untyped-def]
    """The profile's sparring threshold (60 days in the shipped profiles)."""
    from store.rules import profile_for_history

    return profile_for_history(today).sparring_stuck_days


def reason_text(row: SparringRow) -> str:
    """Each reason with its number of days ("ingen afholdt samtale i 60 dage"), and when the
    case was last discussed."""
    days = dict(row.days)
    parts = [t("sparring_days." + r, days=days[r]) if r in days else t("sparring_reason." + r) for r in row.reasons]
    if row.discussed_on is not None:
        from tui.i18n import dates

        parts.append(t("sparring.discussed_on", date=dates.fmt_date(row.discussed_on)))
    return ", ".join(parts)


class SparringScreen(LoadingScreen["list[SparringRow]"]):
    shows = frozenset({"citizen", "meeting", "contact_entry", "doctor_request", "supplier_course", "progress_report",
                       "hearing", "sparring_note"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="sparring.back"),
        Binding("d", "discussed", "key.discussed", id="sparring.discussed"),
    ]

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar()
        yield Static(t("sparring.title", days=stuck_days(host(self).clock.today())), classes="section-title")
        yield SagsTable(id="sparring-table")
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(SagsTable)
        for key, width in (("col.citizen", 24), ("col.cpr", 11), ("col.last_meeting", 12), ("col.contact", 9), ("col.why", 80)):
            table.add_column(t(key), width=width)
        table.focus()
        self.query_one(TopBar).show(host(self).clock.today(), host(self).caseworker, host(self).read_only)
        super().on_mount()

    def fetch(self, store: Store) -> list[SparringRow]:
        return store.sparring(days=stuck_days(store.today()), limit=500)

    rows: list[SparringRow] | None = None

    def show(self, rows: list[SparringRow]) -> None:
        self.rows = rows
        table = self.query_one(SagsTable)
        keep = table.current_key()
        table.clear()
        for row in rows:
            why = reason_text(row)
            table.add_row(plain(row.name), cpr_cell(row.cpr), since_cell(row.days_since_meeting),
                          since_cell(row.days_since_contact), Text(why), key=str(row.citizen_id))
        keys = [str(r.citizen_id) for r in rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep), animate=False)
        self.query_one(".section-title", Static).update(t("sparring.title_count", days=stuck_days(host(self).clock.today()), n=len(rows)))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        assert key is not None  # every row is added with its citizen's id as its key
        self.post_message(OpenCitizen(int(key)))

    def action_discussed(self) -> None:
        """One key: "drøftet i sagssparring", with a note on the citizen."""
        from tui.forms.sparring_note import SparringNoteForm

        key = self.query_one(SagsTable).current_key()
        if key is None or self.rows is None:
            return
        row = next((r for r in self.rows if str(r.citizen_id) == key), None)
        if row is not None:
            self.app.push_screen(SparringNoteForm(row.citizen_id, row.name))

    def action_back(self) -> None:
        self.dismiss()
