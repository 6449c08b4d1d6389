"""Supplier courses: order, register a progress report, adjust, stop, record the next step."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from store.commands import courses
from tui.forms.base import FormScreen, V
from store.rules import profile_for_history
from tui.forms.fields import DATE, INTERVAL, LONG, TEXT, Values, checkbox, optional, required

if TYPE_CHECKING:
    from store.queries.rows import CourseRow
    from store import records


class CourseOrderValues(Values):
    supplier = required(TEXT, "field.supplier", limit=200)
    title = required(TEXT, "field.course_title", limit=300)
    purpose = optional(LONG, "field.purpose")
    plan = optional(LONG, "field.plan")
    start = required(DATE, "field.start", hint="hint.date")
    end = required(DATE, "field.end", hint="hint.date")
    report_cadence = required(INTERVAL, "field.report_cadence", hint="hint.interval")
    three_party_interval = optional(INTERVAL, "field.three_party_interval", hint="hint.interval")


class CourseOrderForm(FormScreen[CourseOrderValues]):
    title_key = "form.course_order"
    values_type = CourseOrderValues

    def __init__(self, citizen: records.Citizen, today: date) -> None:
        # The cadence a course gets unless agreed otherwise is the rule profile's, shown here
        # so the caseworker sees (and can change) what will be stored.
        cadence = str(profile_for_history(today).default_report_cadence)
        super().__init__(context=citizen.name, initial={"report_cadence": cadence})
        self.citizen = citizen

    def command(self, values: CourseOrderValues) -> courses.OrderCourse:
        return courses.OrderCourse(
            citizen_id=self.citizen.id, supplier=values.supplier, title=values.title, purpose=values.purpose,
            plan=values.plan, start=values.start, end=values.end, report_cadence=values.report_cadence,
            three_party_interval=values.three_party_interval)


class _CourseForm(FormScreen[V]):
    def __init__(self, course: CourseRow, context: str, initial: dict[str, object] | None = None) -> None:
        super().__init__(context=context, initial=initial)
        self.course = course


class ReportValues(Values):
    received = required(DATE, "field.received", default="today", hint="hint.date")
    # Unread until said otherwise: an unread report is owed a reading (the seeds' main
    # complaint about suppliers); a summary written here means it was read.
    read = checkbox("field.read", default=False)
    summary = optional(LONG, "field.summary")


class ReportForm(_CourseForm[ReportValues]):
    title_key = "form.report"
    values_type = ReportValues

    def command(self, values: ReportValues) -> courses.RegisterReport:
        return courses.RegisterReport(course_id=self.course.course_id, received=values.received,
                                      read=values.read or bool((values.summary or "").strip()),
                                      summary=values.summary)


class AdjustCourseValues(Values):
    end = optional(DATE, "field.end", hint="hint.date")
    report_cadence = optional(INTERVAL, "field.report_cadence", hint="hint.interval")
    three_party_interval = optional(INTERVAL, "field.three_party_interval", hint="hint.interval")
    plan = optional(LONG, "field.plan")


class AdjustCourseForm(_CourseForm[AdjustCourseValues]):
    title_key = "form.course_adjust"
    values_type = AdjustCourseValues

    def command(self, values: AdjustCourseValues) -> courses.AdjustCourse:
        # None leaves a field as it is.
        return courses.AdjustCourse(course_id=self.course.course_id, end=values.end,
                                    report_cadence=values.report_cadence,
                                    three_party_interval=values.three_party_interval, plan=values.plan)


class StopCourseValues(Values):
    reason = required(LONG, "field.stop_reason")
    stopped_on = required(DATE, "field.stopped_on", default="today", hint="hint.date")


class StopCourseForm(_CourseForm[StopCourseValues]):
    title_key = "form.course_stop"
    values_type = StopCourseValues

    def command(self, values: StopCourseValues) -> courses.StopCourse:
        return courses.StopCourse(course_id=self.course.course_id, reason=values.reason, stopped_on=values.stopped_on)


class NextStepValues(Values):
    next_step = required(LONG, "field.next_step")


class NextStepForm(_CourseForm[NextStepValues]):
    title_key = "form.next_step"
    values_type = NextStepValues

    def command(self, values: NextStepValues) -> courses.SetNextStep:
        return courses.SetNextStep(course_id=self.course.course_id, next_step=values.next_step)
