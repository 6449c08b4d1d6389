"""Everything with a deadline across the caseload, as one list of DueItem, worst first.

Each kind is its own small query that filters on an indexed due-date column in SQL; the
union is merged in Python only after each part has been limited."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVarTuple, Unpack, cast

from sqlalchemy import ColumnElement, Select, and_, func, select, true
from sqlalchemy.orm import InstrumentedAttribute, QueryableAttribute, Session

from store.db.models import (
    Citizen, DoctorRequest, Hearing, Meeting, PlanItem, PreparatoryPlan, SupplierCourse, Supplier, Task,
)
from store.queries.common import active_citizens, judge
from store.queries.rows import DueItem
from store.rules import first_period_status, profile_for

KINDS = (
    "meeting_deadline", "first_period", "doctor", "report", "course_end", "three_party",
    "hearing_reply", "hearing_decision", "plan_team", "task",
)


@dataclass(frozen=True)
class Window:
    """Which due dates to fetch: up to `until` (inclusive), optionally from `since`."""

    today: date
    until: date | None
    since: date | None = None
    caseworker: str | None = None
    limit: int | None = None

    def bound(self, column: QueryableAttribute[date | None]) -> ColumnElement[bool]:
        parts: list[ColumnElement[bool]] = []
        if self.until is not None:
            parts.append(column <= self.until)
        if self.since is not None:
            parts.append(column >= self.since)
        return and_(true(), *parts)


# The row type of a statement: a filter keeps the columns it was given.
_Row = TypeVarTuple("_Row")


def _citizen_cols() -> tuple[InstrumentedAttribute[int], InstrumentedAttribute[str], InstrumentedAttribute[str]]:
    return (Citizen.id, Citizen.name, Citizen.cpr)


def _finish(stmt: Select[Unpack[_Row]], w: Window, column: QueryableAttribute[date | None]) -> Select[Unpack[_Row]]:
    stmt = active_citizens(stmt.where(w.bound(column)), w.caseworker).order_by(column)
    return stmt.limit(w.limit) if w.limit is not None else stmt


def _item(kind: str, ref: int, cid: int, name: str, cpr: str, due: date, today: date, detail: str) -> DueItem:
    left, status = judge(due, today)
    return DueItem(kind, ref, cid, name, cpr, due, left, status, detail)


def _meeting_deadlines(s: Session, w: Window) -> Iterable[DueItem]:
    stmt = select(*_citizen_cols(), Citizen.next_due, Citizen.due_reason).where(Citizen.next_due.is_not(None))
    for cid, name, cpr, due, reason in s.execute(_finish(stmt, w, Citizen.next_due)):
        # The query keeps only citizens with a deadline; the column's type cannot know.
        yield _item("meeting_deadline", cid, cid, name, cpr, cast(date, due), w.today, reason or "")


def _first_period(s: Session, w: Window) -> Iterable[DueItem]:
    profile = profile_for(w.today)
    months = profile.first_period_months
    # Only citizens still inside (or just past) their first period can owe meetings.
    earliest = w.today - timedelta(days=31 * months + 31)
    stmt = active_citizens(
        select(*_citizen_cols(), Citizen.first_request).where(Citizen.first_request >= earliest), w.caseworker
    )
    citizens = s.execute(stmt).all()
    if not citizens:
        return
    ids = [c[0] for c in citizens]
    held: dict[int, list[date]] = {}
    for cid, day in s.execute(select(Meeting.citizen_id, Meeting.day).where(Meeting.citizen_id.in_(ids), Meeting.status == "held")):
        held.setdefault(cid, []).append(day)
    for cid, name, cpr, first_request in citizens:
        period = first_period_status(first_request, held.get(cid, []))
        if period is None or period.owed <= 0:
            continue
        due = period.period_end
        if (w.until is None or due <= w.until) and (w.since is None or due >= w.since):
            yield _item("first_period", cid, cid, name, cpr, due, w.today, str(period.owed))


def _doctor(s: Session, w: Window) -> Iterable[DueItem]:
    stmt = select(*_citizen_cols(), DoctorRequest.id, DoctorRequest.answer_due, DoctorRequest.form).join(
        DoctorRequest, DoctorRequest.citizen_id == Citizen.id
    ).where(DoctorRequest.status == "sent")
    for cid, name, cpr, rid, due, form in s.execute(_finish(stmt, w, DoctorRequest.answer_due)):
        yield _item("doctor", rid, cid, name, cpr, due, w.today, form)


def _course_join(*cols: QueryableAttribute[Any]) -> Select[Unpack[tuple[Any, ...]]]:
    return (
        select(*_citizen_cols(), SupplierCourse.id, *cols, Supplier.name)
        .join(SupplierCourse, SupplierCourse.citizen_id == Citizen.id)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .where(SupplierCourse.status.in_(("ordered", "active")))
    )


def _reports(s: Session, w: Window) -> Iterable[DueItem]:
    stmt = _course_join(SupplierCourse.next_report_due)
    for cid, name, cpr, course_id, due, supplier in s.execute(_finish(stmt, w, SupplierCourse.next_report_due)):
        yield _item("report", course_id, cid, name, cpr, due, w.today, supplier)


def _course_end(s: Session, w: Window) -> Iterable[DueItem]:
    profile = profile_for(w.today)
    horizon = w.today + timedelta(days=profile.course_ending_days)
    until = min(w.until, horizon) if w.until is not None else horizon
    narrowed = Window(w.today, until, w.since, w.caseworker, w.limit)
    stmt = _course_join(SupplierCourse.end).where(SupplierCourse.next_step.is_(None))
    for cid, name, cpr, course_id, due, supplier in s.execute(_finish(stmt, narrowed, SupplierCourse.end)):
        yield _item("course_end", course_id, cid, name, cpr, due, w.today, supplier)


def _three_party(s: Session, w: Window) -> Iterable[DueItem]:
    stmt = _course_join(SupplierCourse.next_three_party_due)
    for cid, name, cpr, course_id, due, supplier in s.execute(_finish(stmt, w, SupplierCourse.next_three_party_due)):
        yield _item("three_party", course_id, cid, name, cpr, due, w.today, supplier)


def _hearings(column: QueryableAttribute[date | None], kind: str) -> Callable[[Session, Window], Iterable[DueItem]]:
    def query(s: Session, w: Window) -> Iterable[DueItem]:
        stmt = select(*_citizen_cols(), Hearing.id, column, Hearing.trigger).join(
            Hearing, Hearing.citizen_id == Citizen.id
        ).where(Hearing.decided_on.is_(None), column.is_not(None))
        for cid, name, cpr, hid, due, trigger in s.execute(_finish(stmt, w, column)):
            # `column.is_not(None)` above; the column's type cannot know.
            yield _item(kind, hid, cid, name, cpr, cast(date, due), w.today, trigger)

    return query


def _plan_team(s: Session, w: Window) -> Iterable[DueItem]:
    open_items = (
        select(func.count()).where(PlanItem.plan_id == PreparatoryPlan.id, PlanItem.done.is_(False)).scalar_subquery()
    )
    stmt = select(*_citizen_cols(), PreparatoryPlan.id, PreparatoryPlan.team_meeting, open_items).join(
        PreparatoryPlan, PreparatoryPlan.citizen_id == Citizen.id
    ).where(PreparatoryPlan.status == "open", PreparatoryPlan.team_meeting.is_not(None))
    for cid, name, cpr, pid, due, missing in s.execute(_finish(stmt, w, PreparatoryPlan.team_meeting)):
        yield _item("plan_team", pid, cid, name, cpr, due, w.today, str(missing))


def _tasks(s: Session, w: Window) -> Iterable[DueItem]:
    stmt = select(Task.id, Task.due, Task.title, Citizen.id, Citizen.name, Citizen.cpr).outerjoin(
        Citizen, Citizen.id == Task.citizen_id
    ).where(Task.done_on.is_(None), Task.due.is_not(None), w.bound(Task.due))
    if w.caseworker is not None:
        stmt = stmt.where(Citizen.caseworker == w.caseworker)
    stmt = stmt.order_by(Task.due)
    if w.limit is not None:
        stmt = stmt.limit(w.limit)
    for tid, task_due, title, cid, name, cpr in s.execute(stmt):
        due = cast(date, task_due)  # `Task.due.is_not(None)` above; the column's type cannot know
        left, status = judge(due, w.today)
        yield DueItem("task", tid, cid, name or "", cpr or "", due, left, status, title)


QUERIES: dict[str, Callable[[Session, Window], Iterable[DueItem]]] = {
    "meeting_deadline": _meeting_deadlines,
    "first_period": _first_period,
    "doctor": _doctor,
    "report": _reports,
    "course_end": _course_end,
    "three_party": _three_party,
    "hearing_reply": _hearings(Hearing.reply_due, "hearing_reply"),
    "hearing_decision": _hearings(Hearing.decision_due, "hearing_decision"),
    "plan_team": _plan_team,
    "task": _tasks,
}


def due_items(
    session: Session,
    today: date,
    *,
    until: date | None = None,
    since: date | None = None,
    caseworker: str | None = None,
    kinds: Iterable[str] = KINDS,
    limit: int | None = None,
) -> list[DueItem]:
    window = Window(today, until, since, caseworker, limit)
    parts = [sorted(QUERIES[kind](session, window), key=_order) for kind in kinds]
    merged = list(heapq.merge(*parts, key=_order))
    return merged[:limit] if limit is not None else merged


def _order(item: DueItem) -> tuple[date, int, str, int]:
    return (item.due, KINDS.index(item.kind), item.citizen_name, item.ref_id)
