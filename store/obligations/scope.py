"""What a collection of obligations covers: today, how far ahead, whose caseload, one citizen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Unpack

from sqlalchemy import Result
from sqlalchemy.orm import QueryableAttribute, Session

from store.db.models import Citizen
from store.db.statements import AnySelect
from store.queries.planner import unindexed
from store.queries.prepared import built, citizens, citizens_param
from store.rules import RuleProfile, Status, days_left, judge_obligation, profile_for_history


@dataclass(frozen=True)
class Scope:
    today: date
    until: date | None = None  # due on or before; None: every open obligation
    caseworker: str | None = None
    citizen_id: int | None = None
    # A few citizens at once (one query with IN, after a write that touched only them).
    citizen_ids: frozenset[int] | None = None
    since: date | None = None  # due on or after; None: however old (a page of the day starts here)

    def wants(self, due: date) -> bool:
        return (self.until is None or due <= self.until) and (self.since is None or due >= self.since)

    def citizens(self, stmt: AnySelect, *, drive: bool = True) -> AnySelect:
        """Only active citizens (a closed case has nothing due), of the caseworker or the one.
        `drive=False`: the status is checked per row, never walked as an index (SQLite has no
        statistics and would walk every active citizen to find a few rare rows of another table)."""
        stmt = stmt.where((Citizen.status if drive else unindexed(Citizen.status)) == "active")
        if self.caseworker is not None:
            stmt = stmt.where(Citizen.caseworker == self.caseworker)
        if self.citizen_id is not None:
            stmt = stmt.where(Citizen.id == self.citizen_id)
        if self.citizen_ids is not None:  # given at execution: one statement for any citizens
            stmt = stmt.where(Citizen.id.in_(citizens_param()))
        return stmt

    def shape(self) -> tuple[object, ...]:
        """Everything a statement built for this scope depends on but the citizens named."""
        return (self.today, self.until, self.caseworker, self.citizen_id, self.citizen_ids is not None, self.since)

    def params(self) -> dict[str, object]:
        """The execution parameters of a statement built for this scope (its citizens)."""
        return citizens(self.citizen_ids)

    def run(self, s: Session, name: str, build: Callable[[], AnySelect]) -> Result[Unpack[tuple[Any, ...]]]:
        """Run the statement `build` makes for this scope, built once per shape and `name`
        (store.queries.prepared): a save's reads build none of them again."""
        return s.execute(built((name, *self.shape()), build), self.params())

    def bound(
        self, stmt: AnySelect, column: QueryableAttribute[date | None], ahead_days: int = 0, behind_days: int = 0
    ) -> AnySelect:
        """Filter a stored date in SQL: keep rows whose `column` is on or before until +
        `ahead_days` (a superset when the due date is up to that many days before the stored
        one) and on or after since - `behind_days` (up to that many days after it); `wants`
        then decides exactly."""
        if self.until is not None:
            stmt = stmt.where(column <= self.until + timedelta(days=ahead_days))
        if self.since is not None:
            stmt = stmt.where(column >= self.since - timedelta(days=behind_days))
        return stmt

    def profile(self) -> RuleProfile:
        return profile_for_history(self.today)

    def judge(self, due: date, **work: int) -> tuple[int, Status]:
        return days_left(due, self.today), judge_obligation(due, self.today, soon_days=self.profile().due_soon_days, **work)
