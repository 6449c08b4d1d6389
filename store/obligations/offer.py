"""offer (ret og pligt til tilbud): the first offer within the profile's offer_first_months of
the first request (the profile in force on the first request). Done: a course (an offer) has
started. See the profiles for what is assumed for the rules before 1 July 2026."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, SupplierCourse
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import first_offer_due, load_profiles, profile_for_history


def statement(scope: Scope) -> AnySelect:
    """Asked only when some profile sets an offer deadline (collect)."""
    started = exists().where(SupplierCourse.citizen_id == Citizen.id, SupplierCourse.start <= scope.today)
    stmt = scope.citizens(select(Citizen.id, Citizen.name, Citizen.cpr, Citizen.first_request).where(~started))
    # Only first requests under a profile that sets an offer deadline (the older rules set none):
    # the same rows `first_offer_due` answers a date for, without reading the rest of the caseload.
    profiles = load_profiles()
    spans = [
        and_(*([Citizen.first_request >= p.valid_from] if i else []),
             *([Citizen.first_request <= p.valid_to] if p.valid_to is not None else []))
        for i, p in enumerate(profiles) if p.offer_first_months > 0
    ]
    stmt = stmt.where(or_(*spans))
    behind = max(profile.offer_first_months for profile in load_profiles()) * 31 + 1  # due: at most that after
    return scope.bound(stmt, Citizen.first_request, behind_days=behind)


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    if not any(profile.offer_first_months > 0 for profile in load_profiles()):
        return
    for cid, name, cpr, first_request in scope.run(s, __name__, lambda: statement(scope)):
        profile = profile_for_history(first_request)
        due = first_offer_due(first_request, profile)
        if due is not None and scope.wants(due):
            yield make(scope, "offer", "citizen", cid, (cid, name, cpr), due, "obligation.reason.offer",
                       {"first_request": first_request, "months": profile.offer_first_months})
