"""Reading progress reports (with a summary) and the type of a course."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, one_of, text
from store.db.models import ProgressReport, SupplierCourse
from store.records import COURSE_TYPES


@dataclass(frozen=True)
class ReadReport(Command[None]):
    """The report was read; the summary says what it told. Until then it stays an obligation."""

    label: ClassVar[str] = "courses.read_report"
    report_id: int
    summary: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        report = fetch(session, ProgressReport, self.report_id)
        report.read_on = ctx.today
        if self.summary is not None:
            report.summary = text("summary", self.summary, limit=20_000)
        bump(report)


@dataclass(frozen=True)
class SetCourseType(Command[None]):
    label: ClassVar[str] = "courses.set_type"
    course_id: int
    course_type: str

    def apply(self, session: Session, ctx: Context) -> None:
        course = fetch(session, SupplierCourse, self.course_id)
        course.course_type = one_of("course_type", self.course_type, COURSE_TYPES)
        bump(course)
