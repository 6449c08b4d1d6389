"""Recording from the panes, without opening the citizen first: the row's citizen, meeting,
certificate or course is the subject."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from tui.host import host
from tui.i18n import t
from tui.workers import run_read

if TYPE_CHECKING:  # without importing the store at start-up
    from textual.widget import Widget

    from store import records
    from tui.panes.base import Pane as _Pane  # the pane the row actions are mixed into
else:
    _Pane = Generic  # at run time the mixin stands alone; the checker sees it as the pane


class CitizenRow(Protocol):
    """A pane row about one citizen (the pane's own row record)."""

    @property
    def citizen_id(self) -> int: ...


RC = TypeVar("RC", bound=CitizenRow)


def with_citizen(widget: Widget, citizen_id: int, then: Callable[[records.Citizen], object]) -> None:
    """Fetch the citizen record off the UI thread, then open a form with it."""
    store = host(widget).store

    def read() -> records.Citizen:
        assert store is not None  # run_read calls only once the store is open
        return store.citizen_record(citizen_id)

    run_read(widget.app, read, then)


def log_contact(widget: Widget, row: CitizenRow) -> None:
    # Rows name their citizen `citizen_name` or, on the caseload, `name`.
    citizen_name: str | None = getattr(row, "citizen_name", None)
    plain_name: str = getattr(row, "name", "")
    contact_form(widget, row.citizen_id, citizen_name or plain_name)


def contact_form(widget: Widget, citizen_id: int, name: str) -> None:
    from tui.forms.contact import ContactScreen

    widget.app.push_screen(ContactScreen(citizen_id, name))


def plan_meeting(widget: Widget, row: CitizenRow) -> None:
    from tui.forms.meeting import PlanMeetingForm

    with_citizen(widget, row.citizen_id, lambda c: widget.app.push_screen(PlanMeetingForm(c)))


def refuse(widget: Widget, key: str) -> None:
    widget.app.notify(t(key), severity="warning")


class CitizenRowActions(_Pane[RC]):
    """`l` (log a contact) and `p` (plan a meeting) for panes whose rows are citizens. The
    bindings stay on each pane, with the pane's own ids, so a keymap can change one pane."""

    def action_log_contact(self) -> None:
        row = self.row_at_cursor()
        if row is not None:
            log_contact(self, row)

    def action_plan_meeting(self) -> None:
        row = self.row_at_cursor()
        if row is not None:
            plan_meeting(self, row)
