"""course_end: a running course with no next step recorded. Due: its end. Due soon from the
profile's course_ending_days before it (not the general due_soon_days): that is how long a
next step takes to arrange. Done: a next step is recorded (or the course is stopped)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Supplier, SupplierCourse
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.report import RUNNING
from store.obligations.scope import Scope
from store.rules import Status, days_left


DUE = SupplierCourse.end


def statement(scope: Scope) -> AnySelect:
    return scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, SupplierCourse.id, Supplier.name, SupplierCourse.end)
        .join(SupplierCourse, SupplierCourse.citizen_id == Citizen.id)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .where(SupplierCourse.status.in_(RUNNING), SupplierCourse.next_step.is_(None))
    )


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    profile = scope.profile()
    for cid, name, cpr, course_id, supplier, end in scope.run(s, __name__, lambda: scope.bound(statement(scope), DUE)):
        item = make(scope, "course_end", "course", course_id, (cid, name, cpr), end, "obligation.reason.course_end",
                    {"supplier": supplier, "days": profile.course_ending_days})
        if item.status is Status.OK and days_left(end, scope.today) <= profile.course_ending_days:
            item = _soon(item)
        yield item


def _soon(item: Obligation) -> Obligation:
    import dataclasses

    return dataclasses.replace(item, status=Status.DUE_SOON)
