"""`w`: the coming 7 working days' meetings, day by day, as the Today pane shows one day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from tui.host import host
from tui.i18n import dates, t
from tui.panes.today import MEETING_MARKS
from tui.messages import OpenCitizen
from tui.screens.loading import LoadingScreen
from tui.text import plain
from tui.widgets.footer import QuietFooter
from tui.widgets.table import SagsTable
from tui.widgets.topbar import TopBar

if TYPE_CHECKING:  # without importing the store at start-up
    from store.facade import Store
    from store.queries.rows import AgendaMeeting

DAYS = 7


def working_days(start: date, n: int = DAYS) -> list[date]:
    """`n` days the jobcentre is open, from `start` on (today included when open)."""
    from store.rules.calendar import is_open_day

    days: list[date] = []
    day = start
    while len(days) < n:
        if is_open_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def fetch_week(store: Store, today: date) -> list[tuple[date, list[AgendaMeeting]]]:
    return [(day, [m for m in store.agenda(day).meetings if m.status != "cancelled"]) for day in working_days(today)]


class WeekScreen(LoadingScreen["list[tuple[date, list[AgendaMeeting]]]"]):
    shows = frozenset({"meeting", "citizen"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="week.back"),
    ]

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar()
        yield Static(t("week.title", n=DAYS), classes="section-title")
        yield SagsTable(id="week-table")
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(SagsTable)
        for key, width in (("col.day", 16), ("col.time", 6), ("col.citizen", 30), ("col.place", 11),
                           ("col.minutes", 5), ("col.state", 14), ("col.what", 24)):
            table.add_column(t(key), width=width, key=key)
        table.focus()
        self.query_one(TopBar).show(host(self).clock.today(), host(self).caseworker, host(self).read_only)
        super().on_mount()

    def fetch(self, store: Store) -> list[tuple[date, list[AgendaMeeting]]]:
        return fetch_week(store, host(self).clock.today())

    def show(self, week: list[tuple[date, list[AgendaMeeting]]]) -> None:
        table = self.query_one(SagsTable)
        keep = table.current_key()
        table.clear()
        for day, meetings in week:
            heading = Text(f"{dates.weekday(day, short=True)} {dates.fmt_short_date(day)}", style="bold")
            if not meetings:
                table.add_row(heading, "", Text(t("week.none"), style="italic"), "", "", "", "", key=f"day:{day}")
            for i, m in enumerate(meetings):
                state = MEETING_MARKS[m.status] + " " + (
                    (t("today.prepared") if m.prepared else t("today.unprepared")) if m.status == "planned"
                    else t("meeting_status." + m.status))
                table.add_row(heading if i == 0 else "", Text(dates.fmt_time(m.start)), plain(m.citizen_name),
                              Text(t("place." + m.place)), Text(str(m.minutes), justify="right"), Text(state),
                              Text(t("meeting_kind." + m.kind)), key=f"m:{m.meeting_id}:{m.citizen_id}")
        total = sum(len(ms) for _d, ms in week)
        self.query_one(".section-title", Static).update(t("week.title_count", n=DAYS, meetings=total))
        keys = [k.value for k in table.rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep), animate=False)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value or ""
        if key.startswith("m:"):
            self.post_message(OpenCitizen(int(key.split(":")[2])))

    def action_back(self) -> None:
        self.dismiss()
