"""Meetings due: every active citizen's next-meeting deadline, worst first, with the reason and
the booked meeting that will meet it ("planlagt 01-12 13.00"), "ikke booket" when there is
none, and "for sent" when it is booked after the deadline. `b` shows only the deadlines with
no meeting booked in time: whom to call in."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from rich.text import Text
from textual.binding import Binding

from store.queries.rows import DeadlineRow
from tui.format import cpr_cell, date_cell, urgency_cell
from tui.i18n import t
from tui.obligations import meeting_reason_label, when
from tui.panes import actions
from tui.panes.base import SEARCH_COUNT_CAP, Pane, PaneData, PartialFetch, paged
from tui.panes.by_due import merged
from tui.text import plain

if TYPE_CHECKING:  # without importing the store at start-up
    from store.commands.base import ChangeSet
    from store.facade import Store


class Booked(Protocol):
    """A row with a meeting-type deadline and the meeting booked against it."""

    @property
    def planned(self) -> datetime | None: ...
    @property
    def booked_late(self) -> bool: ...


def booking_cell(row: Booked, due: date | None, *, short: bool = False) -> Text:
    """The booked meeting against a meeting-type deadline (`due`: none, no cell), marked so it
    reads without colour. `short` (a narrow pane): the marks and the time only, "! 01-12 10.00"
    when too late."""
    if due is None:
        return Text("")
    if row.planned is None:
        return Text("· " + t("obligation.booking.none"))
    if row.booked_late:
        return Text("! " + (when(row.planned) if short else t("obligation.booking.late_short", when=when(row.planned))),
                    style="bold")
    return Text("✓ " + (when(row.planned) if short else t("obligation.booking.planned", when=when(row.planned))))


def reason_cell(row: DeadlineRow) -> Text:
    reason = meeting_reason_label(row.reason, row.base or row.due)
    if row.paused_days:
        reason += " " + t("deadline.paused", days=row.paused_days)
    return Text(reason)


class DeadlinesPane(actions.CitizenRowActions[DeadlineRow], Pane[DeadlineRow]):
    pane_id = "deadlines"
    number = 3
    title_key = "pane.deadlines"
    shows = frozenset({"citizen", "meeting"})  # the booked meeting is shown beside each deadline
    BINDINGS = [
        Binding("l", "log_contact", "key.log_contact", show=False, id="deadlines.log_contact"),
        Binding("p", "plan_meeting", "key.plan_meeting", show=False, id="deadlines.plan_meeting"),
        Binding("b", "toggle_unbooked", "key.only_unbooked", show=False, id="deadlines.only_unbooked"),
    ]
    columns = (
        ("col.urgency", 12), ("col.deadline", 10), ("col.citizen", 22), ("col.cpr", 11),
        ("col.booked", 24), ("col.reason", 26),
    )
    narrow_drop = frozenset({"col.cpr"})
    only_unbooked = False

    def fetch(self, store: Store, search: str, limit: int) -> PaneData[DeadlineRow]:
        unbooked = self.only_unbooked
        rows = store.deadlines(search=search or None, limit=limit, unbooked=unbooked)
        return paged(rows, limit, search,
                     lambda s: store.count_deadlines(search=s, cap=SEARCH_COUNT_CAP if s else None, unbooked=unbooked))

    def partial_fetch(self, changes: ChangeSet) -> PartialFetch[DeadlineRow] | None:
        """A save that touched a few citizens reads only their deadlines and puts them where
        their dates belong (tui.panes.by_due); the rest of the page stays."""
        if not changes.citizens or self.search:
            return None
        rows, total, limit, unbooked, citizens = self.rows, self.total, self.limit, self.only_unbooked, changes.citizens

        def fetch(store: Store) -> PaneData[DeadlineRow]:
            fresh = store.deadlines(citizen_ids=citizens, unbooked=unbooked)
            page = merged(rows, fresh, citizens, lambda row: row.due, whole=len(rows) >= total, limit=limit)
            if page is None:
                return self.fetch(store, "", limit)
            return PaneData(tuple(page), store.count_deadlines(unbooked=unbooked), "")

        return fetch

    def cells(self, row: DeadlineRow) -> tuple[Text | str, ...]:
        style = self.table.status_style(row.status)
        return (
            urgency_cell(row.status, row.days_left, style), date_cell(row.due, style),
            plain(row.name), cpr_cell(row.cpr), booking_cell(row, row.due, short=self.narrow), reason_cell(row),
        )

    def action_toggle_unbooked(self) -> None:
        self.only_unbooked = not self.only_unbooked
        self.reload()

    def _set_title(self) -> None:
        super()._set_title()
        if self.only_unbooked and not self.search:
            self.border_subtitle = Text(t("deadlines.only_unbooked") + "   " + self.key_hints())
