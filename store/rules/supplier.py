"""Supplier course follow-up: expected progress reports, the course end, three-party meetings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from store.rules.calendar import last_open_day_on_or_before
from store.rules.interval import Interval
from store.rules.profile import RuleProfile, profile_for_history


def expected_report_dates(start: date, end: date | None, cadence: Interval, until: date) -> list[date]:
    """start + k x cadence for k = 1, 2, ... up to min(end, until), inclusive.

    Each date is computed from `start` (not from the previous date), so a course starting
    31 January with a monthly cadence expects 28 Feb, 31 Mar, 30 Apr, not drifting to the 28th.
    A report falling on the end day itself is expected (it is the final report). The dates are
    the supplier's deadlines and are not moved for days the jobcentre is closed."""
    limit = until if end is None else min(end, until)
    dates: list[date] = []
    k = 1
    while (expected := cadence.add_to(start, times=k)) <= limit:
        dates.append(expected)
        k += 1
    return dates


def missing_reports(expected: Sequence[date], received: Sequence[date], today: date, grace_days: int) -> list[date]:
    """The expected dates whose report is still missing today.

    Reports are not labelled with the period they cover, so they are matched by count: the
    k-th expected report is covered once k reports have come in (early ones included). It is
    missing when fewer than k reports have been received by today and expected_k + grace_days
    is before today. A late report clears the gap when it arrives: the list is what is
    outstanding now, not a history of lateness. Reports dated after today are ignored."""
    count = sum(1 for day in received if day <= today)
    grace = timedelta(days=grace_days)
    return [day for k, day in enumerate(sorted(expected), start=1) if count < k and day + grace < today]


def course_ending_without_next_step(end: date, has_next_step: bool, today: date, profile: RuleProfile) -> bool:
    """True when the course ends within course_ending_days (inclusive) or has already ended,
    and no next step is planned.

    An ended course keeps the flag for as long as the caller still counts it as running: a
    course past its end with nothing after it is exactly the stuck case to surface. Stopped
    or closed courses should simply not be passed in."""
    return not has_next_step and (end - today).days <= profile.course_ending_days


def three_party_due(
    last_three_party: date | None,
    start: date,
    interval: Interval | None,
    profile_lookup: Callable[[date], RuleProfile] = profile_for_history,
) -> date:
    """The next three-party meeting: the last one (or the course start) + the interval (the
    course order's, or the profile's default). It is a meeting the caseworker must hold, so
    like a citizen's meeting deadline it moves off a closed day to the last open day before."""
    anchor = last_three_party or start
    profile = profile_lookup(anchor)
    used = interval or profile.three_party_default_interval
    return last_open_day_on_or_before(used.add_to(anchor), profile)


def report_due(expected: date, profile: RuleProfile) -> date:
    """The last day a progress report expected on `expected` may arrive before it is missing:
    expected + course_report_grace_days (the supplier's deadline, not moved for closed days)."""
    return expected + timedelta(days=profile.course_report_grace_days)
