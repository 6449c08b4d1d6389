"""Recording from the panes, without opening the citizen first: the row's citizen, meeting,
certificate or course is the subject."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.i18n import t
from tui.workers import run_read


def with_citizen(widget: Any, citizen_id: int, then: Callable[[Any], None]) -> None:
    """Fetch the citizen record off the UI thread, then open a form with it."""
    store = widget.app.store
    run_read(widget.app, lambda: store.citizen_record(citizen_id), then)


def log_contact(widget: Any, row: Any) -> None:
    from tui.forms.contact import ContactScreen

    name = getattr(row, "citizen_name", None) or getattr(row, "name", "")
    widget.app.push_screen(ContactScreen(row.citizen_id, name))


def plan_meeting(widget: Any, row: Any) -> None:
    from tui.forms.meeting import PlanMeetingForm

    with_citizen(widget, row.citizen_id, lambda c: widget.app.push_screen(PlanMeetingForm(c)))


def refuse(widget: Any, key: str) -> None:
    widget.app.notify(t(key), severity="warning")


class CitizenRowActions:
    """`l` (log a contact) and `p` (plan a meeting) for panes whose rows are citizens. The
    bindings stay on each pane, with the pane's own ids, so a keymap can change one pane."""

    def action_log_contact(self) -> None:
        row = self.row_at_cursor()  # type: ignore[attr-defined]
        if row is not None:
            log_contact(self, row)

    def action_plan_meeting(self) -> None:
        row = self.row_at_cursor()  # type: ignore[attr-defined]
        if row is not None:
            plan_meeting(self, row)
