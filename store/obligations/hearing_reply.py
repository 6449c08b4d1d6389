"""hearing_reply: the citizen's reply deadline in a partshøring. Stays until the hearing is
decided (the decision records what the reply, or its absence, led to): a reply deadline that
has passed is exactly when the caseworker must act."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Hearing
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope


DUE = Hearing.reply_due


def statement(scope: Scope) -> AnySelect:
    return scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, Hearing.id, Hearing.sent, Hearing.reply_due)
        .join(Hearing, Hearing.citizen_id == Citizen.id)
        .where(Hearing.decided_on.is_(None), Hearing.reply_due.is_not(None))
    )


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    for cid, name, cpr, hid, sent, due in scope.run(s, __name__, lambda: scope.bound(statement(scope), DUE)):
        # The hearing's own reply time: LAS § 35 and § 36 hearings have different ones.
        days = (due - sent).days if sent else None
        yield make(scope, "hearing_reply", "hearing", hid, (cid, name, cpr), due,
                   "obligation.reason.hearing_reply", {"sent": sent, "days": days})
