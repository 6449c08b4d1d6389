"""Everything about one citizen as frozen records: the citizen screen's and the timeline's
single source. Each list is one indexed query on citizen_id, oldest first."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import QueryableAttribute, Session

from store import records
from store.convert import to_record
from store.db.models import (
    Absence, CaseNote, Citizen, ContactEntry, DoctorRequest, Hearing, Meeting, NetworkPerson, PlanItem,
    PreparatoryPlan, ProgressReport, Supplier, SupplierCourse, Task,
)
from store.queries.day_records import day_lists
from store.errors import NotFound
from store.queries.flags import flags_by_citizen

# The models whose rows of one citizen become a list of the file as they are.
_PlainModel = Meeting | ContactEntry | Absence | DoctorRequest | NetworkPerson | CaseNote | Task | Hearing
_Record = TypeVar("_Record")


def _rows(
    session: Session, model: type[_PlainModel], cls: type[_Record],
    order: tuple[ColumnElement[Any] | QueryableAttribute[Any], ...], citizen_id: int,
) -> tuple[_Record, ...]:
    stmt = select(model).where(model.citizen_id == citizen_id).order_by(*order, model.id)
    return tuple(to_record(row, cls) for row in session.scalars(stmt))


def _courses(session: Session, citizen_id: int) -> tuple[records.Course, ...]:
    stmt = (
        select(SupplierCourse, Supplier.name)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .where(SupplierCourse.citizen_id == citizen_id)
        .order_by(SupplierCourse.start, SupplierCourse.id)
    )
    found = session.execute(stmt).all()
    reports: dict[int, list[records.ProgressReport]] = defaultdict(list)
    if found:
        ids = [course.id for course, _ in found]
        stmt_r = select(ProgressReport).where(ProgressReport.course_id.in_(ids)).order_by(ProgressReport.received, ProgressReport.id)
        for report in session.scalars(stmt_r):
            reports[report.course_id].append(to_record(report, records.ProgressReport))
    return tuple(
        to_record(course, records.Course, supplier_name=name, reports=tuple(reports[course.id]))
        for course, name in found
    )


def _plans(session: Session, citizen_id: int) -> tuple[records.PreparatoryPlan, ...]:
    plans = session.scalars(
        select(PreparatoryPlan).where(PreparatoryPlan.citizen_id == citizen_id).order_by(PreparatoryPlan.id)
    ).all()
    items: dict[int, list[records.PlanItem]] = defaultdict(list)
    if plans:
        stmt = select(PlanItem).where(PlanItem.plan_id.in_([p.id for p in plans])).order_by(PlanItem.position, PlanItem.id)
        for item in session.scalars(stmt):
            items[item.plan_id].append(to_record(item, records.PlanItem))
    return tuple(to_record(p, records.PreparatoryPlan, items=tuple(items[p.id])) for p in plans)


def citizen_record(session: Session, citizen_id: int, today: date) -> records.Citizen:
    """The citizen with the flags that apply today (the ones the screen should warn about)."""
    row = session.get(Citizen, citizen_id)
    if row is None:
        raise NotFound("citizen", citizen_id)
    flags = flags_by_citizen(session, [citizen_id], today).get(citizen_id, [])
    return to_record(row, records.Citizen, flags=tuple(to_record(f, records.Flag) for f in flags))


def citizen_file(session: Session, citizen_id: int, today: date) -> records.CitizenFile:
    citizen = citizen_record(session, citizen_id, today)
    meetings = _rows(session, Meeting, records.Meeting, (Meeting.start,), citizen_id)
    contacts = _rows(session, ContactEntry, records.Contact, (ContactEntry.at,), citizen_id)
    absences = _rows(session, Absence, records.Absence, (Absence.first_day,), citizen_id)
    doctor_requests = _rows(session, DoctorRequest, records.DoctorRequest, (DoctorRequest.sent,), citizen_id)
    network = _rows(session, NetworkPerson, records.NetworkPerson, (NetworkPerson.starts, NetworkPerson.name), citizen_id)
    notes = _rows(session, CaseNote, records.Note, (CaseNote.at,), citizen_id)
    tasks = _rows(session, Task, records.Task, (Task.due.nulls_last(),), citizen_id)
    hearings = _rows(session, Hearing, records.Hearing, (Hearing.failure_date,), citizen_id)
    days = day_lists(session, citizen_id, hearings)
    return records.CitizenFile(
        citizen=citizen, courses=_courses(session, citizen_id), plans=_plans(session, citizen_id),
        meetings=meetings, contacts=contacts, absences=absences, doctor_requests=doctor_requests, network=network,
        notes=notes, tasks=tasks, hearings=days.hearings, course_absences=days.course_absences,
        sparring_notes=days.sparring_notes,
    )
