"""three_party: the next three-party meeting of a running course: the last one held (a held
three-party meeting linked to the course, or the date recorded on it), else the start, plus the
course order's interval or the profile's default. Done: a linked three-party meeting is held."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Supplier, SupplierCourse
from store.db.statements import AnySelect
from store.obligations.build import last_three_party, make, next_three_party
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.obligations.report import RUNNING
from store.rules import profile_for_history


DUE = SupplierCourse.next_three_party_due


def statement(scope: Scope) -> AnySelect:
    return scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, SupplierCourse.id, Supplier.name, SupplierCourse.start,
               SupplierCourse.three_party_interval, SupplierCourse.last_three_party,
               last_three_party(SupplierCourse.id).label("held"), SupplierCourse.next_three_party_due,
               next_three_party(SupplierCourse.id, scope.today).label("planned"))
        .join(SupplierCourse, SupplierCourse.citizen_id == Citizen.id)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .where(SupplierCourse.status.in_(RUNNING), SupplierCourse.next_three_party_due.is_not(None))
    )


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    for cid, name, cpr, course_id, supplier, start, interval, recorded, held, due, booked in scope.run(
        s, __name__, lambda: scope.bound(statement(scope), DUE)
    ):
        last = max((d for d in (recorded, held) if d is not None), default=None)
        anchor = last or start
        used = interval or str(profile_for_history(anchor).three_party_default_interval)
        yield make(scope, "three_party", "course", course_id, (cid, name, cpr), due,
                   "obligation.reason.three_party." + ("held" if last else "start"),
                   {"supplier": supplier, "anchor": anchor, "interval": used, "default": "" if interval else "1"},
                   planned=booked)
