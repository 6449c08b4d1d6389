"""Missed course days: accepted as lawful absence, or a failure under LAS § 36 that opens a
hearing and a decision with the profile's own § 36 deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import fetch, not_after, one_of, text
from store.db.models import CourseAbsence, Hearing, SupplierCourse
from store.errors import Invalid
from store.records import COURSE_ABSENCE_OUTCOMES
from store.rules import profile_for
from store.rules.day_rules import course_failure_decision_due, course_failure_reply_due


@dataclass(frozen=True)
class RecordMissedCourseDays(Command[int]):
    """`outcome` "accepted" (no sanction) or "failure". A failure always opens a LAS § 36
    hearing row so the decision it owes is never lost; with `start_hearing` the partshøring is
    sent today and the citizen's reply deadline runs, otherwise it waits ("decide later").
    Returns the course absence's id."""

    label: ClassVar[str] = "courses.missed_days"
    course_id: int
    first_day: date
    last_day: date
    outcome: str
    note: str | None = None
    start_hearing: bool = True

    def apply(self, session: Session, ctx: Context) -> int:
        course = fetch(session, SupplierCourse, self.course_id)
        one_of("outcome", self.outcome, COURSE_ABSENCE_OUTCOMES)
        not_after("first_day", self.first_day, ctx.today)
        not_after("last_day", self.last_day, ctx.today)
        if self.last_day < self.first_day:
            raise Invalid("last_day", "the last day is before the first", "date.end_before_start")
        absence = CourseAbsence(
            citizen_id=course.citizen_id, course_id=course.id, first_day=self.first_day, last_day=self.last_day,
            outcome=self.outcome, note=text("note", self.note, limit=5000),
        )
        session.add(absence)
        if self.outcome == "failure":
            profile = profile_for(self.first_day)
            sent = ctx.today if self.start_hearing else None
            hearing = Hearing(
                citizen_id=course.citizen_id, rule="las36", failure_date=self.first_day,
                trigger=f"{course.title}: {self.first_day.isoformat()}"
                + ("" if self.last_day == self.first_day else f" – {self.last_day.isoformat()}"),
                sent=sent, reply_due=course_failure_reply_due(sent, profile_for(sent)) if sent else None,
                decision_due=course_failure_decision_due(self.first_day, profile),
            )
            session.add(hearing)
            session.flush()
            absence.hearing_id = hearing.id
        session.flush()
        return absence.id
