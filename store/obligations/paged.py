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

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import QueryableAttribute, Session

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
    total: int  # every overdue obligation, not only this page's


def overdue_page(
    session: Session, today: date, *, caseworker: str | None = None, after: OrderKey | None = None, limit: int,
) -> OverduePage:
    """The overdue obligations (due before today) that sort after `after` (None: from the
    first), at most `limit` of them, and how many are overdue in all."""
    last = today - timedelta(days=1)
    lo = None if after is None else after[1]
    scope = Scope(today, last, caseworker)
    derived = sorted((item for collect in DERIVED for item in collect(session, scope) if item.days_left < 0),
                     key=order_key)
    total = len(derived) + sum(_count(session, kind, scope) for kind in STORED)
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
    return OverduePage(tuple(page[:limit]), total)


def _count(session: Session, kind: Stored, scope: Scope) -> int:
    stmt = kind.statement(scope).with_only_columns(func.count(), maintain_column_froms=True)
    return session.scalar(stmt.where(kind.due <= scope.until).order_by(None)) or 0


def _probe(session: Session, kind: Stored, scope: Scope, lo: date | None, limit: int) -> date | None:
    """The due date of this kind's `limit`-th overdue obligation after `lo` (None: fewer)."""
    stmt = kind.statement(scope).with_only_columns(kind.due, maintain_column_froms=True).where(kind.due <= scope.until)
    if lo is not None:
        stmt = stmt.where(kind.due > lo)
    value: date | None = session.scalar(stmt.order_by(kind.due).offset(limit - 1).limit(1))
    return value
