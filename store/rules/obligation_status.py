"""How urgent an obligation is, judged against what is left to do, not only the days left."""

from __future__ import annotations

from datetime import date

from store.rules.status import Status, days_left


def judge_obligation(
    due: date, today: date, *, soon_days: int, work_left: int = 1, open_days_left: int | None = None
) -> Status:
    """Overdue after the due day, or when the work left can no longer fit: `work_left` meetings
    (or other one-a-day steps) still owed, with only `open_days_left` open days to do them in.
    Due soon within `soon_days` of the due day, or when the slack (open days left beyond one
    per step owed) is that small. Otherwise ok."""
    left = days_left(due, today)
    if left < 0:
        return Status.OVERDUE
    if open_days_left is not None:
        if open_days_left < work_left:
            return Status.OVERDUE
        if open_days_left - work_left < soon_days:
            return Status.DUE_SOON
    if left <= soon_days:
        return Status.DUE_SOON
    return Status.OK
