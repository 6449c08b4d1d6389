"""What a collection of obligations covers: today, how far ahead, whose caseload, one citizen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import QueryableAttribute

from store.db.models import Citizen
from store.db.statements import AnySelect
from store.rules import RuleProfile, Status, days_left, judge_obligation, profile_for_history


@dataclass(frozen=True)
class Scope:
    today: date
    until: date | None = None  # due on or before; None: every open obligation
    caseworker: str | None = None
    citizen_id: int | None = None

    def wants(self, due: date) -> bool:
        return self.until is None or due <= self.until

    def citizens(self, stmt: AnySelect) -> AnySelect:
        """Only active citizens (a closed case has nothing due), of the caseworker or the one."""
        stmt = stmt.where(Citizen.status == "active")
        if self.caseworker is not None:
            stmt = stmt.where(Citizen.caseworker == self.caseworker)
        if self.citizen_id is not None:
            stmt = stmt.where(Citizen.id == self.citizen_id)
        return stmt

    def bound(
        self, stmt: AnySelect, column: QueryableAttribute[date | None], ahead_days: int = 0
    ) -> AnySelect:
        """Filter a stored date in SQL: keep rows whose `column` is on or before until +
        `ahead_days` (a superset when the due date is up to that many days before the stored
        one; `wants` then decides exactly)."""
        if self.until is None:
            return stmt
        return stmt.where(column <= self.until + timedelta(days=ahead_days))

    def profile(self) -> RuleProfile:
        return profile_for_history(self.today)

    def judge(self, due: date, **work: int) -> tuple[int, Status]:
        return days_left(due, self.today), judge_obligation(due, self.today, soon_days=self.profile().due_soon_days, **work)
