"""Checked records -> database rows, in the caller's transaction.

Each table's rows are added in the file's order, so ids grow in that order and a later
export (which breaks ties by id) lists them exactly as the file did."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Supplier
from store.importers.deadlines import refresh_imported
from store.importers.errors import ErrorList, ImportSummary, mask_cpr
from store.importers.problem import Problem
from store.importers.values import quoted
from store.portable.spec import (
    CITIZEN, CONTACT, COURSE, COURSE_ABSENCE, HEARING, HEARING_CONTACT, MEETING, PLAN, PLAN_ITEM, REPORT, SUPPLIER, TASK,
    Entity,
)
from store.portable.validate import Clean, Document

CHUNK = 500  # bound parameters per IN (...) lookup, well under every database's limit
# Lists whose rows need ids of other imported rows; every other list of a citizen is plain.
LINKED = ("courses", "meetings", "hearings", "plans", "contacts", "course_absences")


def check_against_database(session: Session, document: Document) -> None:
    """Run inside the write transaction, so a citizen added meanwhile is noticed too."""
    position = {c.values["cpr"]: i for i, c in enumerate(document.citizens)}
    cprs = sorted(position)
    clashes: list[str] = []
    for start in range(0, len(cprs), CHUNK):
        clashes += session.scalars(select(Citizen.cpr).where(Citizen.cpr.in_(cprs[start:start + CHUNK])))
    errors = ErrorList()
    for cpr in sorted(clashes, key=position.__getitem__):
        path = f"citizens[{position[cpr]}].cpr"
        known = Problem("cpr_known", f"a citizen with CPR {mask_cpr(cpr)} is already in the database", cpr=mask_cpr(cpr))
        errors.add(Problem("json_at", f"{path}: {known}", path=path, reason=known))
    errors.refuse_if_any()


def write_document(session: Session, document: Document) -> ImportSummary:
    w = _Writer(session)
    supplier_ids, new_suppliers = w.suppliers(document.suppliers)
    citizens = w.add(CITIZEN, document.citizens)
    session.flush()
    pairs = list(zip(citizens, document.citizens))

    # Courses before meetings (a meeting may name its course), meetings before hearings.
    courses = [w.add(COURSE, c.lists["courses"], citizen_id=row.id,
                     extra=lambda r: {"supplier_id": supplier_ids[r.refs["supplier"]]}) for row, c in pairs]
    session.flush()
    meetings, plans, contacts = [], [], []
    for (row, c), own_courses in zip(pairs, courses):
        contacts.append(w.add(CONTACT, c.lists["contacts"], citizen_id=row.id))
        meetings.append(w.add(MEETING, c.lists["meetings"], citizen_id=row.id, extra=_meeting_links(own_courses)))
        plans.append(w.add(PLAN, c.lists["plans"], citizen_id=row.id))
        for course_row, course in zip(own_courses, c.lists["courses"]):
            w.add(REPORT, course.lists["reports"], course_id=course_row.id)
        for field in CITIZEN.fields:
            if field.kind == "list" and field.key not in LINKED and field.item is not None:
                w.add(field.item, c.lists[field.key], citizen_id=row.id)
    w.add(TASK, document.tasks, citizen_id=None)
    session.flush()
    hearings = []
    for (row, c), own_meetings, own_plans in zip(pairs, meetings, plans):
        hearings.append(w.add(HEARING, c.lists["hearings"], citizen_id=row.id, extra=_link("meeting_id", "meeting", own_meetings)))
        for plan_row, plan in zip(own_plans, c.lists["plans"]):
            w.add(PLAN_ITEM, plan.lists["items"], plan_id=plan_row.id)
    session.flush()
    # Version 2: the links that need hearing ids.
    for (row, c), own_courses, own_contacts, own_hearings in zip(pairs, courses, contacts, hearings):
        for hearing_row, hearing in zip(own_hearings, c.lists["hearings"]):
            w.add(HEARING_CONTACT, hearing.lists.get("contacts", []), hearing_id=hearing_row.id,
                  extra=_link("contact_id", "contact", own_contacts))
        w.add(COURSE_ABSENCE, c.lists.get("course_absences", []), citizen_id=row.id,
              extra=_absence_links(own_courses, own_hearings))
    session.flush()

    # The stored deadlines are recomputed with this program's rules, in the same transaction,
    # so the imported caseload is never visible without them.
    refresh_imported(session, [row.id for row in citizens], [course.id for own in courses for course in own])
    return ImportSummary(
        citizens=len(citizens), meetings=sum(map(len, meetings)), suppliers=new_suppliers,
        records=w.count, warnings=tuple(document.warnings + w.warnings),
    )


# Each record's links to rows written before it: its index in the file -> the new row's id.
def _link(column: str, ref: str, rows: list[Any]) -> Callable[[Clean], dict[str, Any]]:
    return lambda r: {column: _id_at(rows, r.refs.get(ref))}


def _meeting_links(courses: list[Any]) -> Callable[[Clean], dict[str, Any]]:
    return lambda r: {"course_id": _id_at(courses, r.refs.get("course")), "day": r.values["start"].date()}


def _absence_links(courses: list[Any], hearings: list[Any]) -> Callable[[Clean], dict[str, Any]]:
    return lambda r: {"course_id": _id_at(courses, r.refs.get("course")), "hearing_id": _id_at(hearings, r.refs.get("hearing"))}


def _id_at(rows: list[Any], index: int | None) -> int | None:
    return None if index is None else rows[index].id


class _Writer:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.count = 0
        self.warnings: list[str] = []

    def add(
        self, entity: Entity, records: list[Clean], extra: Callable[[Clean], dict[str, Any]] | None = None,
        **fixed: Any,
    ) -> list[Any]:
        rows = [entity.model(**clean.values, **fixed, **(extra(clean) if extra else {})) for clean in records]
        self.session.add_all(rows)
        self.count += len(rows)
        return rows

    def suppliers(self, records: list[Clean]) -> tuple[dict[str, int], int]:
        """A supplier already in the database is the same supplier (names are unique): courses
        are attached to it and its details there are kept, with a warning when the file differs."""
        names = [clean.values["name"] for clean in records]
        existing: dict[str, Supplier] = {}
        for start in range(0, len(names), CHUNK):
            for supplier in self.session.scalars(select(Supplier).where(Supplier.name.in_(names[start:start + CHUNK]))):
                existing[supplier.name] = supplier
        for clean in records:
            found = existing.get(clean.values["name"])
            if found is not None and any(getattr(found, k) != v for k, v in clean.values.items()):
                self.warnings.append(Problem(
                    "json_supplier_kept", f"supplier {quoted(found.name)} was already in the database; its details there were kept",
                    name=quoted(found.name)))
        rows = self.add(SUPPLIER, [c for c in records if c.values["name"] not in existing])
        self.session.flush()
        ids = {name: supplier.id for name, supplier in existing.items()}
        ids.update({row.name: row.id for row in rows})
        return ids, len(rows)
