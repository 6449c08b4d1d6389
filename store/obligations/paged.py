"""A page of the overdue obligations, in the order `obligations()` lists them, without reading
them all: at 50,000 citizens there are thousands, and the Today pane shows 200 at a time.

Two families of kinds:

- *stored* kinds, whose due date is a stored, indexed column (`DUE` beside their `statement`):
  one SQL row is one obligation. They are counted in SQL, and a probe finds the date of each
  kind's `limit`-th row; the earliest of those dates bounds the page, so the page reads every
  obligation due up to it (all of them: ties on a date are ordered in Python, by kind and name)
  and no further.
- *derived* kinds, whose date is worked out in Python from the rules (the first period's pace,
  a no-show's decision window, a report's grace days, the offer, the team's papers): few, so
  they are read whole once per page, and counted as read.

Either way the page is exactly the slice of the whole sorted list (tests/store/test_paged.py
compares them on random caseloads)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import QueryableAttribute, Session

from store.db.models import Citizen
from store.db.statements import AnySelect
from store.obligations import (
    course_end, doctor_answer, first_period, hearing_reply, next_meeting, offer, rehab_team, report, report_read,
    sanction_decision, task, three_party,
)
from store.obligations.model import KINDS, Obligation, order_key
from store.obligations.scope import Scope

OrderKey = tuple[int, date, int, str, int]  # model.order_key


@dataclass(frozen=True)
class Stored:
    statement: Callable[[Scope], AnySelect]
    due: QueryableAttribute[Any]
    collect: Callable[[Session, Scope], Iterator[Obligation]]


STORED: tuple[Stored, ...] = (
    Stored(next_meeting.statement, next_meeting.DUE, next_meeting.collect),
    Stored(hearing_reply.statement, hearing_reply.DUE, hearing_reply.collect),
    Stored(sanction_decision.statement, sanction_decision.DUE, sanction_decision.collect_heard),
    Stored(doctor_answer.statement, doctor_answer.DUE, doctor_answer.collect),
    Stored(three_party.statement, three_party.DUE, three_party.collect),
    Stored(course_end.statement, course_end.DUE, course_end.collect),
    Stored(task.statement, task.DUE, task.collect),
)
DERIVED: tuple[Callable[[Session, Scope], Iterator[Obligation]], ...] = (
    first_period.collect, sanction_decision.collect_unheard, report.collect, report_read.collect, offer.collect,
    rehab_team.collect,
)
# Every kind is read by exactly one of the two families (sanction_decision by both halves).
assert {"sanction_decision"} | {s.collect.__module__.rsplit(".", 1)[1] for s in STORED} \
    | {c.__module__.rsplit(".", 1)[1] for c in DERIVED} == set(KINDS)


@dataclass(frozen=True, slots=True)
class OverduePage:
    items: tuple[Obligation, ...]  # up to `limit`, in order, after the key asked for
    # How many overdue obligations each citizen has in all (None: own tasks), not only on this
    # page: a later save that touches a few citizens replaces their part and keeps the count.
    counts: tuple[tuple[int | None, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def derived_items(session: Session, scope: Scope) -> list[Obligation]:
    """The derived kinds' obligations in the scope, sorted."""
    return sorted((item for collect in DERIVED for item in collect(session, scope)), key=order_key)


def due_on(session: Session, today: date, *, caseworker: str | None = None,
           derived: list[Obligation] | None = None) -> list[Obligation]:
    """What falls due today and is not overdue yet. `derived`: the derived kinds' obligations
    up to today, when already read."""
    scope = Scope(today, today, caseworker, since=today)
    items = [item for kind in STORED for item in kind.collect(session, scope)]
    items += derived_items(session, scope) if derived is None else derived
    return sorted((item for item in items if item.days_left >= 0 and item.due == today), key=order_key)


def overdue_page(
    session: Session, today: date, *, caseworker: str | None = None, after: OrderKey | None = None, limit: int,
    derived: list[Obligation] | None = None,
) -> OverduePage:
    """The overdue obligations (due before today) that sort after `after` (None: from the
    first), at most `limit` of them, and how many are overdue in all. `derived`: the derived
    kinds' obligations up to today, when already read."""
    last = today - timedelta(days=1)
    lo = None if after is None else after[1]
    scope = Scope(today, last, caseworker)
    derived = [item for item in (derived_items(session, scope) if derived is None else derived) if item.days_left < 0]
    counts: Counter[int | None] = Counter(item.citizen_id for item in derived)
    for kind in STORED:
        counts.update(_counts(session, kind, scope))
    later = [item for item in derived if after is None or order_key(item) > after]
    # The page ends on or before the date of each family's `limit`-th obligation after `after`.
    bound = later[limit - 1].due if len(later) >= limit else last
    for kind in STORED:
        probe = _probe(session, kind, scope, lo, limit)
        if probe is not None:
            bound = min(bound, probe)
    window = replace(scope, until=bound, since=lo)
    items = [item for kind in STORED for item in kind.collect(session, window)]
    items += (item for item in later if item.due <= bound)
    page = sorted((item for item in items if item.days_left < 0 and (after is None or order_key(item) > after)),
                  key=order_key)
    return OverduePage(tuple(page[:limit]), tuple(counts.items()))


def _counts(session: Session, kind: Stored, scope: Scope) -> dict[int | None, int]:
    """Overdue obligations of this kind per citizen, counted in SQL."""
    stmt = kind.statement(scope).with_only_columns(Citizen.id, func.count(), maintain_column_froms=True)
    stmt = stmt.where(kind.due <= scope.until).group_by(Citizen.id).order_by(None)
    return {cid: n for cid, n in session.execute(stmt)}


def _probe(session: Session, kind: Stored, scope: Scope, lo: date | None, limit: int) -> date | None:
    """The due date of this kind's `limit`-th overdue obligation after `lo` (None: fewer)."""
    stmt = kind.statement(scope).with_only_columns(kind.due, maintain_column_froms=True).where(kind.due <= scope.until)
    if lo is not None:
        stmt = stmt.where(kind.due > lo)
    value: date | None = session.scalar(stmt.order_by(kind.due).offset(limit - 1).limit(1))
    return value
