"""report: the next expected progress report of a running course (its cadence from the start,
stored by derive) plus the profile's course_report_grace_days. Done: the report is received."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Supplier, SupplierCourse
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import load_profiles, profile_for_history, report_due

RUNNING = ("ordered", "active")


def statement(scope: Scope) -> AnySelect:
    stmt = scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, SupplierCourse.id, Supplier.name,
               SupplierCourse.report_cadence, SupplierCourse.start, SupplierCourse.next_report_due)
        .join(SupplierCourse, SupplierCourse.citizen_id == Citizen.id)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .where(SupplierCourse.status.in_(RUNNING), SupplierCourse.next_report_due.is_not(None))
    )
    return scope.bound(stmt, SupplierCourse.next_report_due,
                       behind_days=max(profile.course_report_grace_days for profile in load_profiles()))


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    for cid, name, cpr, course_id, supplier, cadence, start, expected in scope.run(s, __name__, lambda: statement(scope)):
        profile = profile_for_history(expected)
        due = report_due(expected, profile)
        if scope.wants(due):
            yield make(scope, "report", "course", course_id, (cid, name, cpr), due, "obligation.reason.report",
                       {"supplier": supplier, "cadence": cadence, "start": start, "expected": expected,
                        "grace": profile.course_report_grace_days})
