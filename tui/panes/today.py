"""Today: every overdue obligation, whatever its age, on top until it is done; then the day's
meetings in time order (time, place, length, prepared or not); then everything due today."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding

from store.queries.rows import AgendaMeeting
from tui.format import urgency_cell
from tui.host import host
from tui.i18n import dates, t
from tui.marks import mark
from tui.obligations import booking_text, kind_label, reason_text
from tui.panes import actions
from tui.panes.base import Pane, PaneData
from tui.text import plain

if TYPE_CHECKING:  # the store imports SQLAlchemy's ORM: kept out of start-up (tui.startup)
    from store.facade import Store
    from store.obligations import Obligation


# A held meeting is done (✓); a no-show needs a decision (!); a cancelled one is just gone (–).
MEETING_MARKS = {"planned": "·", "held": "✓", "no_show": "!", "cancelled": "–", "afbud": "–"}


class TodayPane(Pane):
    pane_id = "today"
    number = 1
    title_key = "pane.today"
    shows = frozenset({"meeting", "citizen", "task", "doctor_request", "supplier_course", "progress_report", "hearing", "preparatory_plan", "course_absence"})
    BINDINGS = [
        Binding("h", "held", "key.held", show=False, id="today.held"),
        Binding("x", "no_show", "key.no_show", show=False, id="today.no_show"),
        Binding("l", "log_contact", "key.log_contact", show=False, id="today.log_contact"),
        Binding("v", "meeting_menu", "key.meeting_menu", show=False, id="today.meeting_menu"),
    ]
    columns = (
        ("col.time", 6), ("col.citizen", 22), ("col.place", 11), ("col.minutes", 5),
        ("col.state", 14), ("col.what", 24),
    )

    narrow_drop = frozenset({"col.minutes"})

    def fetch(self, store: Store, search: str, limit: int) -> PaneData:
        agenda = store.agenda()
        needle = search.casefold()
        rows: list[Any] = [
            *(d for d in agenda.overdue if needle in d.name.casefold() or needle in d.cpr),
            *(m for m in agenda.meetings if needle in m.citizen_name.casefold() or needle in m.cpr),
            # The coming days' meetings nobody has called the citizen in to yet.
            *(m for m in agenda.not_invited if needle in m.citizen_name.casefold() or needle in m.cpr),
            *(d for d in agenda.due if needle in d.name.casefold() or needle in d.cpr),
        ]
        return PaneData(tuple(rows[:limit]), len(rows), search)

    def row_key(self, row: Any) -> str:
        if isinstance(row, AgendaMeeting):
            return f"m{row.meeting_id}"
        return f"d{row.kind}:{row.ref_kind}:{row.ref_id}"

    def cells(self, row: Any) -> tuple[Text | str, ...]:
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
        item: Obligation = row
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
        if row is not None and row.citizen_id is not None:
            actions.log_contact(self, row)
