"""report_read: a progress report that came in is read, with a summary of what it told, within
the profile's `report_read_days` of receiving it. The seeds' main complaint about suppliers is
reports nobody reads, so it stays until marked read. Done: the report is marked read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, ProgressReport, Supplier, SupplierCourse
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import load_profiles, profile_for_history


def statement(scope: Scope) -> AnySelect:
    stmt = scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, ProgressReport.id, Supplier.name, ProgressReport.received)
        .join(SupplierCourse, SupplierCourse.citizen_id == Citizen.id)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .join(ProgressReport, ProgressReport.course_id == SupplierCourse.id)
        .where(ProgressReport.read_on.is_(None)),
        drive=False,  # from the unread reports (a few hundred), not every active citizen's courses
    )
    behind = max(profile.workflows.report_read_days for profile in load_profiles())
    return scope.bound(stmt, ProgressReport.received, behind_days=behind)


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    for cid, name, cpr, report_id, supplier, received in scope.run(s, __name__, lambda: statement(scope)):
        days = profile_for_history(received).workflows.report_read_days
        due = received + timedelta(days=days)
        if scope.wants(due):
            yield make(scope, "report_read", "report", report_id, (cid, name, cpr), due,
                       "obligation.reason.report_read", {"supplier": supplier, "received": received, "days": days})
