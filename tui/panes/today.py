"""Today: every overdue obligation, whatever its age, on top until it is done; then the day's
meetings in time order (time, place, length, prepared or not); then everything due today."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Union

from rich.text import Text
from textual.binding import Binding

from store.queries.rows import AgendaMeeting
from tui.format import urgency_cell
from tui.host import host
from tui.i18n import dates, t
from tui.marks import mark
from tui.obligations import booking_text, kind_label, reason_text
from tui.panes import actions
from tui.panes.base import PAGE, Pane, PaneData, PartialFetch
from tui.text import plain

if TYPE_CHECKING:  # the store imports SQLAlchemy's ORM: kept out of start-up (tui.startup)
    from store.commands.base import ChangeSet
    from store.facade import Store
    from store.obligations import Obligation
    from store.queries.agenda import Agenda


# A held meeting is done (✓); a no-show needs a decision (!); a cancelled one is just gone (–).
MEETING_MARKS = {"planned": "·", "held": "✓", "no_show": "!", "cancelled": "–", "afbud": "–"}


# Kinds whose records belong to no citizen or to many: a change to one reads the whole day again.
_NOT_ONE_CITIZENS = frozenset({"task", "supplier"})

TodayRow = Union["AgendaMeeting", "Obligation"]
FILTER_READS_UP_TO = 2500  # a filter matching more citizens reads the whole day
@dataclass(frozen=True)
class TodayData(PaneData[TodayRow]):
    """The day as read, with what a partial reload needs: the day it was read for and how many
    rows of the whole (unpaged) list each citizen has (None: own tasks)."""

    day: date = date.min
    counts: tuple[tuple[int | None, int], ...] = ()
    partial: bool = False  # merged into the rows shown by a partial reload
    above: int = 0  # overdue rows left out above the day's meetings (`M`: from the meetings on)
    overdue: tuple[tuple[int | None, int], ...] = ()  # the overdue obligations per citizen


def _rows(agenda: Agenda, among: frozenset[int] | None = None) -> list[TodayRow]:
    """The day in the pane's order; `among`: only these citizens' rows (a filter's matches,
    store.citizens_matching: the rule every pane filters by)."""
    def keep(row: TodayRow) -> bool:
        return among is None or row.citizen_id in among

    return [
        *(d for d in agenda.overdue if keep(d)),
        *(m for m in agenda.meetings if keep(m)),
        # The coming days' meetings nobody has called the citizen in to yet.
        *(m for m in agenda.not_invited if keep(m)),
        *(d for d in agenda.due if keep(d)),
    ]


def _filtered(store: Store, search: str, citizen_ids: frozenset[int] | None = None) -> tuple[Agenda, list[TodayRow]]:
    """The day's rows a filter matches. Only the matching citizens' obligations are worked
    out: the whole day is ~0.8 s at 50,000 citizens, a typical name's few hundred ~0.1 s. Past
    FILTER_READS_UP_TO citizens the whole day is read (then as fast) and sorted out here.
    `citizen_ids`: only these citizens (a save that touched them)."""
    among = store.citizens_matching(search)
    ids = among if citizen_ids is None else among & frozenset(citizen_ids)
    if len(ids) <= FILTER_READS_UP_TO:
        agenda = store.agenda(citizen_ids=ids)
    else:
        agenda = store.agenda() if citizen_ids is None else store.agenda(citizen_ids=citizen_ids)
    return agenda, _rows(agenda, ids)


class TodayPane(Pane[TodayRow]):
    pane_id = "today"
    number = 1
    title_key = "pane.today"
    shows = frozenset({"meeting", "citizen", "task", "doctor_request", "supplier_course", "progress_report", "hearing", "preparatory_plan", "course_absence"})
    BINDINGS = [
        Binding("h", "held", "key.held", show=False, id="today.held"),
        Binding("x", "no_show", "key.no_show", show=False, id="today.no_show"),
        Binding("l", "log_contact", "key.log_contact", show=False, id="today.log_contact"),
        Binding("v", "meeting_menu", "key.meeting_menu", show=False, id="today.meeting_menu"),
        Binding("M", "meetings", "key.day_meetings", show=False, id="today.meetings"),
    ]
    columns = (
        ("col.time", 6), ("col.citizen", 22), ("col.place", 11), ("col.minutes", 5),
        ("col.state", 14), ("col.what", 24),
    )

    narrow_drop = frozenset({"col.minutes"})
    _shown: TodayData | None = None  # the data behind the rows on screen
    from_meetings = False  # `M`: the list starts at the day's meetings, the overdue ones above it
    _to_top = False  # `M` was pressed: the next rows land with the cursor on the first one

    def fetch(self, store: Store, search: str, limit: int) -> TodayData:
        if search:
            agenda, rows = _filtered(store, search)
            return TodayData(tuple(rows[:limit]), len(rows), search, day=agenda.day,
                             counts=tuple(Counter(row.citizen_id for row in rows).items()),
                             overdue=tuple(Counter(row.citizen_id for row in rows if not isinstance(row, AgendaMeeting)
                                                   and row.days_left < 0).items()))
        # A page: the overdue obligations up to `limit`, and the rest of the day once they end.
        page = store.agenda_page(limit=limit, rest=self.from_meetings)
        if self.from_meetings:  # the overdue ones stay above, counted in the border
            rows = _rows(page.rest)
            return TodayData(tuple(rows[:limit]), len(rows), "", day=page.day,
                             counts=tuple(Counter(row.citizen_id for row in rows).items()),
                             above=page.overdue_total, overdue=page.overdue_counts)
        rows = [*page.overdue, *_rows(page.rest)]
        return TodayData(tuple(rows[:limit]), page.total, "", day=page.day, counts=page.counts,
                         overdue=page.overdue_counts)

    def next_page(self) -> PartialFetch[TodayRow] | None:
        """A pagedown past the last row: read the overdue obligations after it only, and append.
        Past the overdue ones (the rest of the day is read whole) a whole read does it."""
        shown = self._shown
        if shown is None or shown.search or self.from_meetings or not self.rows or not self._settled():
            return None
        last = self.rows[-1]
        if isinstance(last, AgendaMeeting) or last.days_left >= 0:
            return None
        rows = self.rows

        def fetch(store: Store) -> TodayData:
            from store.obligations.model import order_key  # on the worker thread: the store stays out of start-up

            page = store.agenda_page(after=order_key(last), limit=PAGE)
            more = [*page.overdue, *_rows(page.rest)][:PAGE]
            return TodayData((*rows, *more), page.total, "", day=page.day, counts=page.counts,
                             overdue=page.overdue_counts)

        return fetch

    def action_meetings(self) -> None:
        """Jump to the day's meetings (and back to the top): with hundreds of overdue items on
        top, the day's own meetings would be pages down."""
        self.from_meetings = not self.from_meetings
        self.limit = PAGE
        self._to_top = True  # kept by key or by index, the cursor would land pages down the new list
        self.reload()

    def partial_fetch(self, changes: ChangeSet) -> PartialFetch[TodayRow] | None:
        """A write that touched only some citizens' records (a meeting held, a call logged):
        their rows are read again and everyone else's stay, so a save costs what it changed,
        not the obligations of the whole caseload. Not for own tasks (no citizen) or a
        supplier (named on many rows), nor when the day has moved on since the rows were read."""
        citizens = changes.citizens
        shown = self._shown
        if not citizens or changes.touches(_NOT_ONE_CITIZENS) or shown is None or shown.day != host(self).clock.today():
            return None
        rows, total, limit, from_meetings = self.rows, self.total, self.limit, self.from_meetings

        def fetch(store: Store) -> TodayData:
            from store.obligations.model import order_key  # on the worker thread: the store stays out of start-up

            def order(row: TodayRow) -> tuple[int, tuple[object, ...]]:
                """The order `fetch` lists rows in: overdue, the day's and the coming days'
                meetings by start, then what falls due today."""
                if isinstance(row, AgendaMeeting):
                    return (1, (row.start, row.meeting_id))
                return (0 if row.days_left < 0 else 2, order_key(row))

            if shown.search:
                agenda, fresh = _filtered(store, shown.search, citizens)
            else:
                agenda = store.agenda(citizen_ids=citizens)
                fresh = _rows(agenda)
            if agenda.day != shown.day:
                return self.fetch(store, shown.search, limit)
            # From the day's meetings on (M), the overdue ones are above the rows, counted.
            late = [row for row in fresh if not isinstance(row, AgendaMeeting) and row.days_left < 0]
            overdue = {who: n for who, n in shown.overdue if who not in citizens}
            overdue.update(Counter(row.citizen_id for row in late))
            if from_meetings:
                fresh = fresh[len(late):]  # _rows lists the overdue ones first
            merged = sorted([*(row for row in rows if row.citizen_id not in citizens), *fresh], key=order)
            if len(rows) < total and rows:
                # Only a first page is shown: what sorts after its last row belongs to a later one.
                last = order(rows[-1])
                merged = [row for row in merged if order(row) <= last]
            counts = {who: n for who, n in shown.counts if who not in citizens}
            counts.update(Counter(row.citizen_id for row in fresh))
            dropped = sum(n for who, n in shown.counts if who in citizens)
            return TodayData(tuple(merged[:limit]), total - dropped + len(fresh), shown.search, day=shown.day,
                             counts=tuple(counts.items()), partial=True, overdue=tuple(overdue.items()),
                             above=sum(overdue.values()) if from_meetings else 0)

        return fetch

    def apply(self, data: PaneData[TodayRow]) -> None:
        if isinstance(data, TodayData):
            unchanged = data.partial and data.rows == self.rows and self.table.row_count == len(self.rows)
            self._shown = data
            if unchanged:
                # The changed citizens have no row on the page shown (a first page of thousands
                # of overdue items): only the count moves. Refilling the table would re-measure
                # and re-render every row on screen for nothing.
                self.total = data.total
                self._set_title()
                return
        if self._to_top and isinstance(data, TodayData) and not data.partial:
            # Off the old rows first: a cursor left pages down would be clamped to the new
            # list's last row, and reaching the last row reads the next page.
            self.table.move_cursor(row=0, animate=False)
        super().apply(data)
        if self._to_top and isinstance(data, TodayData) and not data.partial:
            self._to_top = False
            self.table.move_cursor(row=0, animate=False)
            self.table.scroll_home(animate=False, immediate=True)

    def _set_title(self) -> None:
        super()._set_title()
        shown = self._shown
        if self.from_meetings and shown is not None and not self.search:
            self.border_subtitle = Text(t("today.overdue_above", count=shown.above) + "   " + self.key_hints())

    def row_key(self, row: TodayRow) -> str:
        if isinstance(row, AgendaMeeting):
            return f"m{row.meeting_id}"
        return f"d{row.kind}:{row.ref_kind}:{row.ref_id}"

    def cells(self, row: TodayRow) -> tuple[Text | str, ...]:
        if isinstance(row, AgendaMeeting):
            what = t("meeting_kind." + row.kind)
            prepared = Text(MEETING_MARKS[row.status] + " " + (
                (t("today.prepared") if row.prepared else t("today.unprepared")) if row.status == "planned"
                else t("meeting_status." + row.status)))
            if row.not_invited:
                prepared = Text("! " + t("today.not_invited"), style="bold")
                if row.start.date() != host(self).clock.today():
                    what = f"{dates.weekday(row.start.date(), short=True)} {row.start:%d-%m}: {what}"
            return (
                Text(dates.fmt_time(row.start)), plain(row.citizen_name), Text(t("place." + row.place)),
                Text(str(row.minutes), justify="right"), prepared, Text(what),
            )
        item = row
        style = self.table.status_style(item.status)
        what = f"{kind_label(item)}: {reason_text(item)}"
        if item.meeting_kind:
            what += f" · {booking_text(item)}"
        # How late (or how soon) in the state column: "! 33 d. over".
        return (Text(mark(item.status), style=style or ""), plain(item.name), Text(""), Text(""),
                urgency_cell(item.status, item.days_left, style), plain(what))

    def _meeting(self) -> AgendaMeeting | None:
        row = self.row_at_cursor()
        if isinstance(row, AgendaMeeting) and row.status == "planned":
            return row
        actions.refuse(self, "today.not_a_planned_meeting")
        return None

    def action_held(self) -> None:
        from tui.forms.meeting import HeldForm

        meeting = self._meeting()
        if meeting is not None:
            self.app.push_screen(HeldForm(meeting.meeting_id, meeting.citizen_name))

    def action_no_show(self) -> None:
        from tui.forms.meeting import NoShowForm

        meeting = self._meeting()
        if meeting is not None:
            self.app.push_screen(NoShowForm(meeting.meeting_id, meeting.citizen_name))

    def action_meeting_menu(self) -> None:
        """Afbud, move, prepared, indkaldelse and the invitation text, from the meeting's row."""
        from tui.screens.citizen_day import meeting_choices
        from tui.writer import post_write
        from tui.screens.menu import MenuScreen

        meeting = self._meeting()
        if meeting is not None:
            choices = meeting_choices(self.app, meeting, meeting.citizen_name, lambda c: post_write(self.app, c))
            self.app.push_screen(MenuScreen(t("timeline.meeting"), choices))

    def action_log_contact(self) -> None:
        row = self.row_at_cursor()
        if row is None or row.citizen_id is None:
            return  # a task of the caseworker's own
        name = row.citizen_name if isinstance(row, AgendaMeeting) else row.name
        actions.contact_form(self, row.citizen_id, name)
