"""Missed course days, reading a progress report with its summary, and the course type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.commands.course_days import RecordMissedCourseDays
from store.commands.course_follow import SetCourseType
from store.commands.courses import MarkReportRead
from store.records import COURSE_ABSENCE_OUTCOMES, COURSE_TYPES
from tui.forms import choices
from tui.forms.fields import CHOICE, DATE, LONG, Values, checkbox, optional, required
from tui.forms.base import FormScreen

if TYPE_CHECKING:
    from store import records

MISSED_OUTCOMES = choices.of("course_absence", COURSE_ABSENCE_OUTCOMES)
TYPES = choices.of("course_type", COURSE_TYPES)


class MissedDaysValues(Values):
    first_day = required(DATE, "field.first_day", default="today", hint="hint.date")
    last_day = required(DATE, "field.last_day", default="today", hint="hint.date")
    outcome = required(CHOICE, "field.missed_outcome", choices=MISSED_OUTCOMES, default="accepted")
    start_hearing = checkbox("field.start_hearing", default=True)
    note = optional(LONG, "field.note")


class MissedDaysForm(FormScreen[MissedDaysValues]):
    title_key = "form.missed_days"
    values_type = MissedDaysValues

    def __init__(self, course_id: int, context: str) -> None:
        super().__init__(context=context)
        self.course_id = course_id

    def command(self, values: MissedDaysValues) -> RecordMissedCourseDays:
        return RecordMissedCourseDays(course_id=self.course_id, first_day=values.first_day,
                                      last_day=values.last_day, outcome=values.outcome, note=values.note,
                                      start_hearing=values.start_hearing)


class ReadReportValues(Values):
    summary = optional(LONG, "field.report_summary")


class ReadReportForm(FormScreen[ReadReportValues]):
    title_key = "form.read_report"
    values_type = ReadReportValues

    def __init__(self, report: records.ProgressReport, context: str) -> None:
        super().__init__(context=context, initial={"summary": report.summary})
        self.report_id = report.id

    def command(self, values: ReadReportValues) -> MarkReportRead:
        return MarkReportRead(report_id=self.report_id, summary=values.summary)


class CourseTypeValues(Values):
    course_type = required(CHOICE, "field.course_type", choices=TYPES)


class CourseTypeForm(FormScreen[CourseTypeValues]):
    title_key = "form.course_type"
    values_type = CourseTypeValues

    def __init__(self, course: records.Course, context: str) -> None:
        super().__init__(context=context, initial={"course_type": course.course_type})
        self.course_id = course.id

    def command(self, values: CourseTypeValues) -> SetCourseType:
        return SetCourseType(course_id=self.course_id, course_type=values.course_type)
