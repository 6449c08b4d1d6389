"""Deadlines that depend only on a record's own history are computed when that history
changes and stored beside it (Citizen.next_due, SupplierCourse.next_report_due, ...).

Every write path calls these inside its own transaction, so the stored deadline can never
be older than the data it was computed from. When the rule profiles themselves change, the
stamp no longer matches and `refresh_all` recomputes everything at start."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import TypedDict, cast

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from store.db.models import Absence, Citizen, Meeting, Meta, ProgressReport, SupplierCourse
from store.db.session import writing
from store.rules import Interval, citizen_next_meeting, expected_report_dates, profile_for, three_party_due
from store.rules.stamp import RULES_DIR, STAMP_KEY, rules_stamp  # noqa: F401  (re-exported)

BATCH = 2000


class DeadlineValues(TypedDict):
    """A citizen's stored next-meeting deadline: Citizen columns by name."""

    next_due: date
    due_base: date
    due_reason: str
    due_raw: date
    due_paused_days: int


class CourseValues(TypedDict):
    """A course's stored deadlines: SupplierCourse columns by name."""

    next_report_due: date | None
    next_three_party_due: date | None


def _interval(text: str | None) -> Interval | None:
    return Interval.parse(text) if text else None


def citizen_deadline_values(
    first_request: date, interval: str | None, held: Iterable[date], absences: Iterable[tuple[date, date]]
) -> DeadlineValues:
    result = citizen_next_meeting(first_request, sorted(held), _interval(interval), list(absences))
    return {
        "next_due": result.due,
        "due_base": result.base,
        "due_reason": str(result.reason),
        "due_raw": result.raw_due,
        "due_paused_days": result.paused_days,
    }


def refresh_citizen(session: Session, citizen_id: int) -> None:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        return
    session.flush()
    held = session.scalars(
        select(Meeting.day).where(Meeting.citizen_id == citizen_id, Meeting.status == "held")
    ).all()
    absences = session.execute(
        select(Absence.first_day, Absence.last_day).where(Absence.citizen_id == citizen_id)
    ).all()
    values = citizen_deadline_values(citizen.first_request, citizen.interval, held, [(first, last) for first, last in absences])
    for key, value in values.items():
        setattr(citizen, key, value)
    citizen.rules_stamp = rules_stamp()
    # A held (or undone) three-party meeting linked to a course moves that course's deadline.
    for course_id in session.scalars(select(SupplierCourse.id).where(SupplierCourse.citizen_id == citizen_id)):
        refresh_course(session, course_id)


def _latest(*days: date | None) -> date | None:
    present = [day for day in days if day is not None]
    return max(present) if present else None


def course_values(course: SupplierCourse, received: list[date], three_party_held: date | None = None) -> CourseValues:
    """`three_party_held`: the latest held three-party meeting linked to the course; it and
    the date recorded on the course itself (`last_three_party`) both restart the clock."""
    cadence = Interval.parse(course.report_cadence)
    expected = expected_report_dates(course.start, course.end, cadence, course.end)
    # The k-th expected report is covered by the k-th report received.
    next_report = expected[len(received)] if len(received) < len(expected) else None
    # The course order's interval, or the profile's default (three_party_due picks it).
    three_party = three_party_due(
        _latest(course.last_three_party, three_party_held), course.start, _interval(course.three_party_interval)
    )
    return {"next_report_due": next_report, "next_three_party_due": three_party}


def held_three_party(session: Session, course_ids: list[int] | None = None) -> dict[int, date]:
    """The latest held three-party meeting per linked course."""
    stmt = select(Meeting.course_id, func.max(Meeting.day)).where(
        Meeting.course_id.is_not(None), Meeting.kind == "three_party", Meeting.status == "held"
    ).group_by(Meeting.course_id)
    if course_ids is not None:
        stmt = stmt.where(Meeting.course_id.in_(course_ids))
    # `Meeting.course_id.is_not(None)` above; the column's type cannot know.
    return {cast(int, course_id): day for course_id, day in session.execute(stmt)}


def refresh_course(session: Session, course_id: int) -> None:
    course = session.get(SupplierCourse, course_id)
    if course is None:
        return
    session.flush()
    received = session.scalars(
        select(ProgressReport.received).where(ProgressReport.course_id == course_id)
    ).all()
    held = held_three_party(session, [course_id]).get(course_id)
    for key, value in course_values(course, sorted(received), held).items():
        setattr(course, key, value)


def stored_stamp(session: Session) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == STAMP_KEY))


def needs_refresh(engine: Engine) -> bool:
    with Session(engine) as session:
        return stored_stamp(session) != rules_stamp()


def refresh_all(engine: Engine, progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute every stored deadline, in batches, in one transaction."""
    stamp = rules_stamp()
    with writing(engine) as session:
        total = session.scalar(select(func.count()).select_from(Citizen)) or 0
        held: dict[int, list[date]] = defaultdict(list)
        for cid, day in session.execute(select(Meeting.citizen_id, Meeting.day).where(Meeting.status == "held")):
            held[cid].append(day)
        absences: dict[int, list[tuple[date, date]]] = defaultdict(list)
        for cid, first, last in session.execute(select(Absence.citizen_id, Absence.first_day, Absence.last_day)):
            absences[cid].append((first, last))
        done = 0
        rows = session.execute(select(Citizen.id, Citizen.first_request, Citizen.interval)).all()
        for start in range(0, len(rows), BATCH):
            batch = []
            for cid, first_request, interval in rows[start:start + BATCH]:
                values = citizen_deadline_values(first_request, interval, held.get(cid, ()), absences.get(cid, ()))
                batch.append({"id": cid, "rules_stamp": stamp, **values})
            session.execute(update(Citizen), batch, execution_options={"synchronize_session": False})
            done += len(batch)
            if progress:
                progress(done, total)
        reports: dict[int, list[date]] = defaultdict(list)
        for course_id, received in session.execute(select(ProgressReport.course_id, ProgressReport.received)):
            reports[course_id].append(received)
        linked = held_three_party(session)
        course_batch = [
            {"id": course.id, **course_values(course, sorted(reports.get(course.id, [])), linked.get(course.id))}
            for course in session.scalars(select(SupplierCourse))
        ]
        if course_batch:
            session.execute(update(SupplierCourse), course_batch, execution_options={"synchronize_session": False})
        meta = session.get(Meta, STAMP_KEY)
        if meta is None:
            session.add(Meta(key=STAMP_KEY, value=stamp))
        else:
            meta.value = stamp
    return done


__all__ = [
    "citizen_deadline_values", "needs_refresh", "profile_for", "refresh_all", "refresh_citizen",
    "refresh_course", "rules_stamp",
]
