"""Missed course days, reading a progress report with its summary, and the course type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.commands.course_days import RecordMissedCourseDays
from store.commands.course_follow import SetCourseType
from store.commands.courses import MarkReportRead
from store.records import COURSE_ABSENCE_OUTCOMES, COURSE_TYPES
from tui.forms import choices
from tui.forms.fields import Field
from tui.forms.base import FormScreen

if TYPE_CHECKING:
    from store import records

MISSED_OUTCOMES = choices.of("course_absence", COURSE_ABSENCE_OUTCOMES)
TYPES = choices.of("course_type", COURSE_TYPES)


class MissedDaysForm(FormScreen):
    title_key = "form.missed_days"
    fields = (
        Field("first_day", "field.first_day", "date", required=True, default="today", hint="hint.date"),
        Field("last_day", "field.last_day", "date", required=True, default="today", hint="hint.date"),
        Field("outcome", "field.missed_outcome", "choice", required=True, choices=MISSED_OUTCOMES, default="accepted"),
        Field("start_hearing", "field.start_hearing", "bool", default=True),
        Field("note", "field.note", "long"),
    )

    def __init__(self, course_id: int, context: str) -> None:
        super().__init__(context=context)
        self.course_id = course_id

    def command(self, values: dict[str, Any]) -> RecordMissedCourseDays:
        return RecordMissedCourseDays(course_id=self.course_id, first_day=values["first_day"],
                                      last_day=values["last_day"], outcome=values["outcome"], note=values["note"],
                                      start_hearing=bool(values["start_hearing"]))


class ReadReportForm(FormScreen):
    title_key = "form.read_report"
    fields = (Field("summary", "field.report_summary", "long"),)

    def __init__(self, report: records.ProgressReport, context: str) -> None:
        super().__init__(context=context, initial={"summary": report.summary})
        self.report_id = report.id

    def command(self, values: dict[str, Any]) -> MarkReportRead:
        return MarkReportRead(report_id=self.report_id, summary=values["summary"])


class CourseTypeForm(FormScreen):
    title_key = "form.course_type"
    fields = (Field("course_type", "field.course_type", "choice", required=True, choices=TYPES),)

    def __init__(self, course: records.Course, context: str) -> None:
        super().__init__(context=context, initial={"course_type": course.course_type})
        self.course_id = course.id

    def command(self, values: dict[str, Any]) -> SetCourseType:
        return SetCourseType(course_id=self.course_id, course_type=values["course_type"])
