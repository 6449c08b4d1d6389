"""What a collection of obligations covers: today, how far ahead, whose caseload, one citizen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import QueryableAttribute

from store.db.models import Citizen
from store.db.statements import AnySelect
from store.queries.planner import unindexed
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
        if self.citizen_ids is not None:
            stmt = stmt.where(Citizen.id.in_(sorted(self.citizen_ids)))
        return stmt

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
