"""Meetings due: every active citizen's next-meeting deadline, worst first, with the reason."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding

from store.queries.rows import DeadlineRow
from tui.format import cpr_cell, date_cell, urgency_cell
from tui.i18n import t
from tui.panes import actions
from tui.panes.base import SEARCH_COUNT_CAP, Pane, PaneData, paged
from tui.text import plain


class DeadlinesPane(actions.CitizenRowActions, Pane):
    pane_id = "deadlines"
    number = 3
    title_key = "pane.deadlines"
    shows = frozenset({"citizen"})
    BINDINGS = [
        Binding("l", "log_contact", "key.log_contact", show=False, id="deadlines.log_contact"),
        Binding("p", "plan_meeting", "key.plan_meeting", show=False, id="deadlines.plan_meeting"),
    ]
    columns = (
        ("col.urgency", 12), ("col.deadline", 10), ("col.citizen", 22), ("col.cpr", 11),
        ("col.reason", 26),
    )

    def fetch(self, store: Any, search: str, limit: int) -> PaneData:
        rows = store.deadlines(search=search or None, limit=limit)
        return paged(rows, limit, search,
                     lambda s: store.count_deadlines(search=s, cap=SEARCH_COUNT_CAP if s else None))

    def cells(self, row: DeadlineRow) -> tuple[Text | str, ...]:
        style = self.table.status_style(row.status)
        reason = t("reason." + row.reason) if row.reason else ""
        if row.paused_days:
            reason += " " + t("deadline.paused", days=row.paused_days)
        return (
            urgency_cell(row.status, row.days_left, style), date_cell(row.due, style),
            plain(row.name), cpr_cell(row.cpr), Text(reason),
        )
