"""Supplier courses that need the caseworker: a report is missing, a three-party meeting is
near, or the course ends soon with no next step planned. Worst (earliest) first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Subquery, and_, func, select, union_all
from sqlalchemy.orm import QueryableAttribute, Session

from store.db.models import Citizen, Supplier, SupplierCourse
from store.db.statements import AnySelect
from store.queries.common import active_citizens, judge
from store.queries.rows import CourseRow
from store.queries.search import citizen_or
from store.rules import profile_for

RUNNING = ("active", "ordered")
_Column = ColumnElement[Any] | QueryableAttribute[Any]
REASONS = ("report_missing", "three_party_due", "ending_without_next_step")


@dataclass(frozen=True)
class Horizons:
    """The last day each kind of date counts as "needs attention" today."""

    report: date
    three_party: date
    ending: date

    @classmethod
    def on(cls, today: date) -> Horizons:
        # Numbers from the rule profile, not literals: a new law may change them. A report is
        # "missing" once its expected date has come; a three-party meeting shows a due-soon
        # window ahead, like every other deadline; the end shows course_ending_days ahead.
        profile = profile_for(today)
        return cls(
            report=today,
            three_party=today + timedelta(days=profile.due_soon_days),
            ending=today + timedelta(days=profile.course_ending_days),
        )


def _report(h: Horizons) -> ColumnElement[bool]:
    return SupplierCourse.next_report_due <= h.report


def _three_party(h: Horizons) -> ColumnElement[bool]:
    return SupplierCourse.next_three_party_due <= h.three_party


def _ending(h: Horizons) -> ColumnElement[bool]:
    return and_(SupplierCourse.end <= h.ending, SupplierCourse.next_step.is_(None))


def _hits(today: date) -> Subquery:
    """(course id, earliest relevant date) of every course needing follow-up.

    One SELECT per reason so each walks its own (status, date) index; a single WHERE with
    three OR-ed dates would make SQLite scan the whole table."""
    h = Horizons.on(today)
    running = SupplierCourse.status.in_(RUNNING)
    parts = union_all(
        select(SupplierCourse.id.label("course_id"), SupplierCourse.next_report_due.label("due")).where(running, _report(h)),
        select(SupplierCourse.id, SupplierCourse.next_three_party_due).where(running, _three_party(h)),
        select(SupplierCourse.id, SupplierCourse.end).where(running, _ending(h)),
    ).subquery("parts")
    return select(parts.c.course_id, func.min(parts.c.due).label("due")).group_by(parts.c.course_id).subquery("hits")


def _joined(
    today: date, caseworker: str | None, search: str | None, columns: Callable[[Subquery], tuple[_Column, ...]]
) -> tuple[AnySelect, Subquery]:
    hits = _hits(today)
    stmt = (
        select(*columns(hits))
        .select_from(hits)
        .join(SupplierCourse, SupplierCourse.id == hits.c.course_id)
        .join(Citizen, Citizen.id == SupplierCourse.citizen_id)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .where(citizen_or(search, Supplier.name))
    )
    return active_citizens(stmt, caseworker), hits


def courses_stmt(
    today: date, *, caseworker: str | None = None, search: str | None = None, limit: int | None = None, offset: int = 0
) -> AnySelect:
    def columns(hits: Subquery) -> tuple[_Column, ...]:
        return (
            SupplierCourse.id, Citizen.id, Citizen.cpr, Citizen.name, Supplier.name, SupplierCourse.title,
            SupplierCourse.start, SupplierCourse.end, SupplierCourse.next_report_due,
            SupplierCourse.next_three_party_due, SupplierCourse.next_step, hits.c.due,
        )

    stmt, hits = _joined(today, caseworker, search, columns)
    stmt = stmt.order_by(hits.c.due, Citizen.name, SupplierCourse.id).offset(offset)
    return stmt.limit(limit) if limit is not None else stmt


def count_courses_stmt(today: date, *, caseworker: str | None = None, search: str | None = None) -> AnySelect:
    stmt, _ = _joined(today, caseworker, search, lambda hits: (func.count(),))
    return stmt


def reasons_for(today: date, report: date | None, three_party: date | None, end: date, next_step: str | None) -> tuple[str, ...]:
    h = Horizons.on(today)
    found = []
    if report is not None and report <= h.report:
        found.append("report_missing")
    if three_party is not None and three_party <= h.three_party:
        found.append("three_party_due")
    if end <= h.ending and next_step is None:
        found.append("ending_without_next_step")
    return tuple(found)


def courses_needing_followup(
    session: Session,
    today: date,
    *,
    caseworker: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[CourseRow]:
    rows = []
    stmt = courses_stmt(today, caseworker=caseworker, search=search, limit=limit, offset=offset)
    for course_id, cid, cpr, name, supplier, title, start, end, report, three, step, due in session.execute(stmt):
        left, status = judge(due, today)
        rows.append(CourseRow(
            course_id=course_id, citizen_id=cid, cpr=cpr, name=name, supplier=supplier, title=title,
            start=start, end=end, due=due, days_left=left, status=status,
            reasons=reasons_for(today, report, three, end, step),
        ))
    return rows


def count_courses(
    session: Session, today: date, *, caseworker: str | None = None, search: str | None = None
) -> int:
    return session.scalar(count_courses_stmt(today, caseworker=caseworker, search=search)) or 0
