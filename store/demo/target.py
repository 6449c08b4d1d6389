"""Choosing the last held meeting so a citizen's deadline lands where a scenario wants it.

Checked against the same rule function derive.py stores, so closed days and absences can
never quietly move a "due soon" citizen into "overdue"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from store.demo.context import Ctx
from store.rules import Interval, next_meeting_deadline, profile_for_history

# (first, last) days from today that the deadline must fall within.
WANTS = {"overdue": (-60, -5), "soon": (0, 7), "ok": (15, 80)}


def last_held_for(ctx: Ctx, want: str, first_request: date, interval: str | None,
                  absences: Sequence[tuple[date, date]] = ()) -> date:
    today = ctx.today
    low, high = WANTS[want]
    used = Interval.parse(interval) if interval else profile_for_history(today).default_interval
    middle = (low + high) // 2
    # Try aim points from the middle of the window outwards; the first that lands wins.
    for shift in sorted(range(low - middle, high - middle + 1), key=abs):
        aim = today + timedelta(days=middle + shift)
        held = ctx.days.on_or_before(used.add_to(aim, times=-1))
        if held >= today or held <= first_request:
            continue
        due = next_meeting_deadline(first_request, [held], used, list(absences)).due
        if low <= (due - today).days <= high:
            return held
    raise ValueError(f"no last meeting gives a {want} deadline")  # a bug in WANTS, not in the data
