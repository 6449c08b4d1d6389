"""Doctor requests: open LÆ certificate requests, late first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from store.queries.rows import DoctorRow
from tui.format import date_cell, urgency_cell
from tui.i18n import t
from tui.messages import Write
from tui.panes.base import Pane, PaneData, paged
from tui.text import plain

if TYPE_CHECKING:  # without importing the store at start-up
    from store.facade import Store


class DoctorsPane(Pane[DoctorRow]):
    pane_id = "doctors"
    number = 4
    title_key = "pane.doctors"
    shows = frozenset({"doctor_request"})
    BINDINGS = [
        Binding("a", "answer", "key.answer", show=False, id="doctors.answer"),
        Binding("r", "reminder", "key.reminder", show=False, id="doctors.reminder"),
    ]
    columns = (
        ("col.urgency", 12), ("col.answer_due", 10), ("col.citizen", 22), ("col.form", 7),
        ("col.doctor", 22), ("col.reminders", 5),
    )

    def fetch(self, store: Store, search: str, limit: int) -> PaneData[DoctorRow]:
        rows = store.doctor_requests(search=search or None, limit=limit)
        return paged(rows, limit, search, lambda s: store.count_doctor_requests(search=s))

    def row_key(self, row: DoctorRow) -> str:
        return f"r{row.request_id}"

    def cells(self, row: DoctorRow) -> tuple[Text | str, ...]:
        style = self.table.status_style(row.status)
        return (
            urgency_cell(row.status, row.days_left, style), date_cell(row.answer_due, style),
            plain(row.name), plain(row.form), plain(row.doctor), Text(str(row.reminders or ""), justify="right"),
        )

    def action_answer(self) -> None:
        from tui.forms.doctor import DoctorAnswerForm

        row = self.row_at_cursor()
        if row is not None:
            self.app.push_screen(DoctorAnswerForm(row.request_id, row.name))

    def action_reminder(self) -> None:
        from store.commands.doctor import SendReminder  # imports SQLAlchemy: kept out of start-up

        row = self.row_at_cursor()
        if row is not None:
            self.app.post_message(Write(SendReminder(request_id=row.request_id), what=t("act.reminder")))
