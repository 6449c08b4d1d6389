"""Suppliers: courses with a missing progress report, a due three-party meeting, or an end
within 14 days and no next step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from store.queries.rows import CourseRow
from tui.format import date_cell, urgency_cell
from tui.i18n import t
from tui.panes import actions
from tui.panes.base import Pane, PaneData, paged
from tui.text import plain

if TYPE_CHECKING:  # without importing the store at start-up
    from store.facade import Store


class SuppliersPane(Pane[CourseRow]):
    pane_id = "suppliers"
    shows = frozenset({"supplier", "supplier_course", "progress_report"})
    row_kinds = frozenset({"citizen", "meeting"})  # a three-party meeting held
    number = 5
    title_key = "pane.suppliers"
    BINDINGS = [
        Binding("i", "report", "key.report", show=False, id="suppliers.report"),
        Binding("f", "next_step", "key.next_step", show=False, id="suppliers.next_step"),
        Binding("t", "three_party", "key.three_party", show=False, id="suppliers.three_party"),
    ]
    columns = (
        ("col.urgency", 12), ("col.due", 10), ("col.citizen", 22), ("col.supplier", 18),
        ("col.why", 24), ("col.ends", 10),
    )
    narrow_drop = frozenset({"col.ends"})  # the reason says when an ending course needs a step

    def fetch(self, store: Store, search: str, limit: int) -> PaneData[CourseRow]:
        rows = store.courses_needing_followup(search=search or None, limit=limit)
        return paged(rows, limit, search, lambda s: store.count_courses(search=s))

    def row_key(self, row: CourseRow) -> str:
        return f"c{row.course_id}"

    def cells(self, row: CourseRow) -> tuple[Text | str, ...]:
        style = self.table.status_style(row.status)
        why = ", ".join(t("course_reason." + r) for r in row.reasons)
        return (
            urgency_cell(row.status, row.days_left, style), date_cell(row.due, style),
            plain(row.name), plain(row.supplier), Text(why), date_cell(row.end),
        )

    def action_report(self) -> None:
        from tui.forms.course import ReportForm

        row = self.row_at_cursor()
        if row is not None:
            self.app.push_screen(ReportForm(row, row.name))

    def action_next_step(self) -> None:
        from tui.forms.course import NextStepForm

        row = self.row_at_cursor()
        if row is not None:
            self.app.push_screen(NextStepForm(row, row.name))

    def action_three_party(self) -> None:
        from tui.forms.meeting import PlanMeetingForm

        row = self.row_at_cursor()
        if row is not None:
            actions.with_citizen(self, row.citizen_id, lambda c: self.app.push_screen(
                PlanMeetingForm(c, kind="three_party", course_id=row.course_id)))
