"""How urgent a due date is today."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from store.rules.profile import RuleProfile


class Status(StrEnum):
    """Compares worst first (OVERDUE < DUE_SOON < OK), so `sorted()` puts the most urgent on
    top and `min()` gives the worst. Plain str ordering would sort "due_soon" before "overdue"."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OK = "ok"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Status):
            return self.rank < other.rank
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Status):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Status):
            return self.rank > other.rank
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Status):
            return self.rank >= other.rank
        return NotImplemented


_RANK = {Status.OVERDUE: 0, Status.DUE_SOON: 1, Status.OK: 2}


def worst(statuses: Iterable[Status]) -> Status | None:
    """The most urgent of `statuses`, or None when there are none."""
    return min(statuses, default=None)


def days_left(due: date, today: date) -> int:
    """Days from today to the due date: 0 on the day, negative once overdue."""
    return (due - today).days


def status_for(due: date, today: date, profile: RuleProfile) -> Status:
    """Overdue after the due day; due soon from `due_soon_days` before it through the day itself."""
    left = days_left(due, today)
    if left < 0:
        return Status.OVERDUE
    if left <= profile.due_soon_days:
        return Status.DUE_SOON
    return Status.OK
