"""The first period's pace: 4 held meetings in the first 6 months (LAB § 31, stk. 3) can only
be reached if the meetings are spread over the period, so the next meeting is due early enough
that the meetings still owed fit in what is left of it.

The pace rule used here: from the latest held meeting in the period (or the first request when
none is held yet), the time left to the period's last day is split evenly between the meetings
still owed, and the next one is due after one share. With one meeting owed, that is the
period's last day. Example: first request Mon 5 Jan 2026, period to Fri 3 Jul (4 Jul is a
Saturday), first meeting held 12 Jan, 3 owed: 172 days / 3 = 57 days -> Tue 10 Mar 2026,
well before the 3-month interval's 12 Apr, which would leave only 3 meetings by 3 July."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from store.rules.calendar import is_open_day, last_open_day_on_or_before
from store.rules.meetings import first_period_status
from store.rules.profile import RuleProfile, profile_for_history

ProfileLookup = Callable[[date], RuleProfile]


@dataclass(frozen=True, slots=True)
class Pace:
    base: date  # the latest held meeting in the period, or the first request
    raw_due: date  # base + the even share, before the closed-day move
    due: date  # the next meeting's deadline to keep the pace, moved off a closed day
    owed: int  # held meetings still owed
    required: int
    period_end: date  # the period's last day, moved off a closed day
    profile: str


def open_days_between(first: date, last: date, profile: RuleProfile) -> int:
    """Open days d with first <= d <= last (0 when last is before first)."""
    count, day = 0, first
    while day <= last:
        count += is_open_day(day, profile)
        day += timedelta(days=1)
    return count


def first_period_pace(
    first_request: date, held: Iterable[date], profile_lookup: ProfileLookup = profile_for_history
) -> Pace | None:
    """The pace deadline, or None when nothing is owed (the minimum is met, or the profile sets
    none). A period that has ended still answers (its due date is long past); whether the
    obligation is still open is the caller's question (`today <= period_end`)."""
    held_days = sorted(set(held))
    period = first_period_status(first_request, held_days, profile_lookup)
    if period is None or period.owed <= 0:
        return None
    profile = profile_lookup(first_request)
    inside = [day for day in held_days if first_request <= day <= period.period_end]
    base = inside[-1] if inside else first_request
    span = (period.period_end - base).days
    # At least a day: three meetings owed in two days still means "the next one tomorrow".
    share = max(1, span // period.owed)
    raw_due = base + timedelta(days=share)
    due = last_open_day_on_or_before(raw_due, profile)
    if due <= base:
        due = raw_due  # as with the interval deadline: never back onto the base day
    return Pace(base=base, raw_due=raw_due, due=due, owed=period.owed, required=period.required,
                period_end=period.period_end, profile=profile.name)
