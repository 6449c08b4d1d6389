"""doctor_answer: a certificate request's answer deadline per its LÆ form. Done: the answer is
registered or the request cancelled."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, DoctorRequest
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import profile_for_history


DUE = DoctorRequest.answer_due


def statement(scope: Scope) -> AnySelect:
    return scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, DoctorRequest.id, DoctorRequest.form, DoctorRequest.sent,
               DoctorRequest.consultation, DoctorRequest.answer_due)
        .join(DoctorRequest, DoctorRequest.citizen_id == Citizen.id)
        .where(DoctorRequest.status == "sent")
    )


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    for cid, name, cpr, rid, form, sent, consultation, due in scope.run(s, __name__, lambda: scope.bound(statement(scope), DUE)):
        days: int | None
        cap: int | None
        try:
            rule = profile_for_history(sent).form(form)
            days, cap = rule.answer_days, rule.max_days_after_request
            # Counted from a consultation not yet known: the outer limit from sending stands.
            awaiting = 1 if rule.needs_consultation and consultation is None else None
        except ValueError:
            days = cap = awaiting = None  # a form the profile no longer lists: the stored date stands
        yield make(scope, "doctor_answer", "doctor_request", rid, (cid, name, cpr), due,
                   "obligation.reason.doctor_answer", {"form": form, "sent": sent, "days": days,
                                                        "consultation": consultation, "cap": cap,
                                                        "awaiting": awaiting})
