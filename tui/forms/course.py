"""Supplier courses: order, register a progress report, adjust, stop, record the next step."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from store.commands import courses
from store.commands.base import Command
from tui.forms.base import FormScreen
from store.rules import profile_for_history
from tui.forms.fields import Field

if TYPE_CHECKING:
    from store.queries.rows import CourseRow
    from store import records


class CourseOrderForm(FormScreen):
    title_key = "form.course_order"
    fields = (
        Field("supplier", "field.supplier", required=True, limit=200),
        Field("title", "field.course_title", required=True, limit=300),
        Field("purpose", "field.purpose", "long"),
        Field("plan", "field.plan", "long"),
        Field("start", "field.start", "date", required=True, hint="hint.date"),
        Field("end", "field.end", "date", required=True, hint="hint.date"),
        Field("report_cadence", "field.report_cadence", "interval", required=True, hint="hint.interval"),
        Field("three_party_interval", "field.three_party_interval", "interval", hint="hint.interval"),
    )

    def __init__(self, citizen: records.Citizen, today: date) -> None:
        # The cadence a course gets unless agreed otherwise is the rule profile's, shown here
        # so the caseworker sees (and can change) what will be stored.
        cadence = str(profile_for_history(today).default_report_cadence)
        super().__init__(context=citizen.name, initial={"report_cadence": cadence})
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return courses.OrderCourse(citizen_id=self.citizen.id, **values)


class _CourseForm(FormScreen):
    def __init__(self, course: CourseRow, context: str, initial: dict[str, Any] | None = None) -> None:
        super().__init__(context=context, initial=initial)
        self.course = course


class ReportForm(_CourseForm):
    title_key = "form.report"
    fields = (
        Field("received", "field.received", "date", required=True, default="today", hint="hint.date"),
        # Unread until said otherwise: an unread report is owed a reading (the seeds' main
        # complaint about suppliers); a summary written here means it was read.
        Field("read", "field.read", "bool", default=False),
        Field("summary", "field.summary", "long"),
    )

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return courses.RegisterReport(course_id=self.course.course_id, received=values["received"],
                                      read=bool(values["read"]) or bool((values["summary"] or "").strip()),
                                      summary=values["summary"])


class AdjustCourseForm(_CourseForm):
    title_key = "form.course_adjust"
    fields = (
        Field("end", "field.end", "date", hint="hint.date"),
        Field("report_cadence", "field.report_cadence", "interval", hint="hint.interval"),
        Field("three_party_interval", "field.three_party_interval", "interval", hint="hint.interval"),
        Field("plan", "field.plan", "long"),
    )

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return courses.AdjustCourse(course_id=self.course.course_id, **values)  # None leaves a field as it is


class StopCourseForm(_CourseForm):
    title_key = "form.course_stop"
    fields = (
        Field("reason", "field.stop_reason", "long", required=True),
        Field("stopped_on", "field.stopped_on", "date", required=True, default="today", hint="hint.date"),
    )

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return courses.StopCourse(course_id=self.course.course_id, **values)


class NextStepForm(_CourseForm):
    title_key = "form.next_step"
    fields = (Field("next_step", "field.next_step", "long", required=True),)

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return courses.SetNextStep(course_id=self.course.course_id, **values)
