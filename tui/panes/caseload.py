"""Caseload: every active citizen with the next deadline and the meeting booked against it,
days since last contact, open items and standing flags, worst first; the title holds the count
against the profile's caseload norm (40-55)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from store.queries.rows import CaseloadRow
from store.rules import profile_for_history
from tui.format import cpr_cell, date_cell, since_cell, urgency_cell
from tui.host import host
from tui.i18n import t
from tui.panes import actions
from tui.panes.base import SEARCH_COUNT_CAP, Pane, PaneData, PartialFetch, paged
from tui.panes.by_due import merged
from tui.panes.deadlines import booking_cell
from tui.text import plain

if TYPE_CHECKING:  # without importing the store at start-up
    from store.commands.base import ChangeSet
    from store.facade import Store


class CaseloadPane(actions.CitizenRowActions[CaseloadRow], Pane[CaseloadRow]):
    pane_id = "caseload"
    shows = frozenset({"citizen"})
    row_kinds = frozenset({"meeting", "citizen_flag", "contact_entry", "task", "doctor_request", "supplier_course", "progress_report", "hearing", "preparatory_plan"})
    number = 2
    title_key = "pane.caseload"
    BINDINGS = [
        Binding("l", "log_contact", "key.log_contact", show=False, id="caseload.log_contact"),
        Binding("p", "plan_meeting", "key.plan_meeting", show=False, id="caseload.plan_meeting"),
    ]
    columns = (
        ("col.urgency", 12), ("col.deadline", 10), ("col.citizen", 30), ("col.cpr", 11),
        ("col.booked", 24), ("col.contact", 7), ("col.open", 4), ("col.flags", 18),
    )

    # Half a wide terminal: the status says how far off the deadline is; its date and the CPR
    # number are in the citizen's screen, in pane 3, and here once maximised (z).
    narrow_drop = frozenset({"col.deadline", "col.cpr"})

    def fetch(self, store: Store, search: str, limit: int) -> PaneData[CaseloadRow]:
        rows = store.caseload(search=search or None, limit=limit)
        return paged(rows, limit, search,
                     lambda s: store.count_caseload(search=s, cap=SEARCH_COUNT_CAP if s else None))

    def partial_fetch(self, changes: ChangeSet) -> PartialFetch[CaseloadRow] | None:
        """A save that touched a few citizens reads only their rows (deadline, contact, open
        items, flags) and puts them where their dates belong (tui.panes.by_due)."""
        if not changes.citizens or self.search:
            return None
        rows, total, limit, citizens = self.rows, self.total, self.limit, changes.citizens

        def fetch(store: Store) -> PaneData[CaseloadRow]:
            fresh = store.caseload(citizen_ids=citizens)
            page = merged(rows, fresh, citizens, lambda row: row.next_due, whole=len(rows) >= total, limit=limit)
            if page is None:
                return self.fetch(store, "", limit)
            return PaneData(tuple(page), store.count_caseload(), "")

        return fetch

    def cells(self, row: CaseloadRow) -> tuple[Text | str, ...]:
        style = self.table.status_style(row.status)
        return (
            urgency_cell(row.status, row.days_left, style), date_cell(row.next_due, style),
            plain(row.name), cpr_cell(row.cpr), booking_cell(row, row.next_due, short=self.narrow),
            since_cell(row.days_since_contact),
            Text(str(row.open_items or ""), justify="right"), plain(" · ".join(row.flags)),
        )

    def _set_title(self) -> None:
        super()._set_title()
        if self.loaded and not self.search:
            profile = profile_for_history(host(self).clock.today())
            low, high = profile.caseload_norm_low, profile.caseload_norm_high
            word = t("norm.over") if self.total > high else t("norm.under") if self.total < low else t("norm.within")
            self.border_subtitle = Text(t("norm.line", low=low, high=high, word=word) + "   " + self.key_hints())
