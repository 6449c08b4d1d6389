"""My numbers for the rest of the day: afbud apart from the jobcentre's own cancellations and
no-shows over the last 12 months, and the share of the active courses that are
virksomhedsrettede tilbud (praktik, løntilskud: the profile says which types count)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting, SupplierCourse
from store.rules import profile_for


@dataclass(frozen=True, slots=True)
class DayNumbers:
    afbud_12m: int
    cancelled_12m: int
    no_show_12m: int
    active_courses: int
    business_courses: int
    untyped_courses: int

    @property
    def business_pct(self) -> float | None:
        return 100.0 * self.business_courses / self.active_courses if self.active_courses else None


def day_numbers(session: Session, today: date, *, caseworker: str | None = None) -> DayNumbers:
    since = today - relativedelta(months=12)
    stmt = (select(Meeting.status, func.count()).join(Citizen, Citizen.id == Meeting.citizen_id)
            .where(Meeting.day > since, Meeting.day <= today,
                   Meeting.status.in_(("afbud", "cancelled", "no_show")))
            .group_by(Meeting.status))
    if caseworker is not None:
        stmt = stmt.where(Citizen.caseworker == caseworker)
    by_status = dict(session.execute(stmt).all())
    business = profile_for(today).workflows.business_course_types
    courses = (select(SupplierCourse.course_type, func.count()).join(Citizen, Citizen.id == SupplierCourse.citizen_id)
               .where(SupplierCourse.status == "active").group_by(SupplierCourse.course_type))
    if caseworker is not None:
        courses = courses.where(Citizen.caseworker == caseworker)
    by_type = dict(session.execute(courses).all())
    return DayNumbers(
        afbud_12m=by_status.get("afbud", 0), cancelled_12m=by_status.get("cancelled", 0),
        no_show_12m=by_status.get("no_show", 0), active_courses=sum(by_type.values()),
        business_courses=sum(n for kind, n in by_type.items() if kind in business),
        untyped_courses=by_type.get(None, 0),
    )
