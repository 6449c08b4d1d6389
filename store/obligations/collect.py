"""Every open obligation in a scope, worst first: one query per kind, merged."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date

from sqlalchemy.orm import Session

from store.obligations import (
    course_end, doctor_answer, first_period, hearing_reply, next_meeting, offer, rehab_team, report, report_read,
    sanction_decision, task, three_party,
)
from store.obligations.model import KINDS, Obligation, order_key
from store.obligations.scope import Scope

COLLECTORS: dict[str, Callable[[Session, Scope], Iterator[Obligation]]] = {
    "next_meeting": next_meeting.collect,
    "first_period": first_period.collect,
    "hearing_reply": hearing_reply.collect,
    "sanction_decision": sanction_decision.collect,
    "doctor_answer": doctor_answer.collect,
    "report": report.collect,
    "report_read": report_read.collect,
    "three_party": three_party.collect,
    "course_end": course_end.collect,
    "offer": offer.collect,
    "rehab_team": rehab_team.collect,
    "task": task.collect,
}
assert set(COLLECTORS) == set(KINDS)


def obligations(
    session: Session,
    today: date,
    *,
    until: date | None = None,
    caseworker: str | None = None,
    citizen_id: int | None = None,
    kinds: Iterable[str] = KINDS,
    citizen_ids: Collection[int] | None = None,
    since: date | None = None,
) -> list[Obligation]:
    """Open obligations due on or before `until` (None: all), overdue ones of any age
    included (from `since` on, when given), worst first. `citizen_ids`: only these citizens',
    in one query per kind."""
    scope = Scope(today, until, caseworker, citizen_id,
                  citizen_ids=None if citizen_ids is None else frozenset(citizen_ids), since=since)
    found = [item for kind in kinds for item in COLLECTORS[kind](session, scope)]
    return sorted(found, key=order_key)


def overdue_and_on(session: Session, today: date, day: date, *, caseworker: str | None = None) -> list[Obligation]:
    """What the Today pane and `agenda` show beside a day's meetings: every overdue obligation,
    whatever its age, and everything due on `day`."""
    items = obligations(session, today, until=max(day, today), caseworker=caseworker)
    return [item for item in items if item.days_left < 0 or item.due == day]
