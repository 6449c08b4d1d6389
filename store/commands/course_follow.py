"""The type of a course (praktik, løntilskud, …): My numbers counts the virksomhedsrettede."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, one_of
from store.db.models import SupplierCourse
from store.records import COURSE_TYPES


@dataclass(frozen=True)
class SetCourseType(Command[None]):
    label: ClassVar[str] = "courses.set_type"
    course_id: int
    course_type: str

    def apply(self, session: Session, ctx: Context) -> None:
        course = fetch(session, SupplierCourse, self.course_id)
        course.course_type = one_of("course_type", self.course_type, COURSE_TYPES)
        bump(course)
