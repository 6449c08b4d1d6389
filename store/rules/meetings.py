"""A citizen's next meeting deadline and the first-period meeting count.

Only *held* meetings are passed in here: planned, cancelled and no-show meetings never move a
deadline, and filtering them is the caller's job."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from store.rules.calendar import last_open_day_on_or_before
from store.rules.interval import Interval
from store.rules.profile import RuleProfile, profile_for_history

ProfileLookup = Callable[[date], RuleProfile]
ONE_DAY = timedelta(days=1)


class DeadlineReason(StrEnum):
    FIRST_MEETING = "first_meeting"  # nothing held yet: first request + first_meeting_days
    INTERVAL = "interval"  # last held meeting + the citizen's interval
    FIRST_PERIOD_PACE = "first_period_pace"  # sooner, so the first period's meetings still fit


@dataclass(frozen=True, slots=True)
class MeetingDeadline:
    due: date  # the deadline to show and sort by
    base: date  # the day the clock started: first request or last held meeting
    raw_due: date  # base + interval, before absences and closed days
    paused_days: int  # absence days inside the span that pushed the deadline later
    moved_from_closed_day: date | None  # the closed day the deadline fell on, if it moved
    reason: DeadlineReason
    interval: Interval  # the interval applied (first meeting: first_meeting_days as days)
    profile: str  # name of the rule profile applied


@dataclass(frozen=True, slots=True)
class FirstPeriod:
    period_start: date  # the first request
    period_end: date  # last day a meeting still counts, moved off a closed day
    required: int
    held_in_period: int
    owed: int


def merge_absences(absences: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Sorted, disjoint (first, last) spans, so a day two absences share is counted once."""
    spans = []
    for first, last in absences:
        if last < first:
            raise ValueError(f"absence ends ({last}) before it starts ({first})")
        spans.append((first, last))
    merged: list[tuple[date, date]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def absence_days(after: date, through: date, merged: Sequence[tuple[date, date]]) -> int:
    """Absence days d with after < d <= through, over already merged spans."""
    total = 0
    for first, last in merged:
        start, end = max(first, after + ONE_DAY), min(last, through)
        if start <= end:
            total += (end - start).days + 1
    return total


def pause_for_absences(base: date, raw_due: date, absences: Iterable[tuple[date, date]]) -> tuple[date, int]:
    """Push `raw_due` later by the absence days between base (exclusive) and the deadline
    (inclusive), repeating because the later deadline can reach a further absence.

    The days pushed only grow, so this stops at the earliest deadline that has exactly
    (raw_due - base) non-absent days after base; that day is never itself an absence day."""
    merged = merge_absences(absences)
    paused = 0
    while True:
        found = absence_days(base, raw_due + timedelta(days=paused), merged)
        if found == paused:
            return raw_due + timedelta(days=paused), paused
        paused = found


def next_meeting_deadline(
    first_request: date,
    held: Sequence[date],
    interval: Interval | None,
    absences: Sequence[tuple[date, date]],
    profile_lookup: ProfileLookup = profile_for_history,
) -> MeetingDeadline:
    """The next meeting deadline.

    - Nothing held: first request + first_meeting_days.
    - Otherwise: the latest held meeting + `interval` (or the profile's default) by calendar
      arithmetic. Meetings before the first request still count: they are the citizen's history.
    - Absences (first and last day inclusive) pause the clock, see `pause_for_absences`.
    - A deadline on a closed day moves to the last open day before it. This can land on the
      last day of an absence (absence until Friday, paused deadline Saturday): the rule says
      earlier, and waiting until Monday would break it. It never moves back to or before
      the base day (possible only with intervals of a few days): then the closed day stands.
    - The profile in force on the base day decides every number and the calendar, so a
      deadline does not change character when it crosses into a new profile's period.
      The default lookup gives days before every profile the earliest profile."""
    if held:
        base = max(held)
        profile = profile_lookup(base)
        used = interval or profile.default_interval
        reason = DeadlineReason.INTERVAL
    else:
        base = first_request
        profile = profile_lookup(base)
        used = Interval(days=profile.first_meeting_days)
        reason = DeadlineReason.FIRST_MEETING
    raw_due = used.add_to(base)
    paused_due, paused_days = pause_for_absences(base, raw_due, absences)
    due = last_open_day_on_or_before(paused_due, profile)
    if due <= base:
        # Only a very short interval (a few days) across a long closed stretch gets here; a
        # deadline on or before the meeting that started the clock means nothing, so the
        # closed day stands.
        due = paused_due
    return MeetingDeadline(
        due=due,
        base=base,
        raw_due=raw_due,
        paused_days=paused_days,
        moved_from_closed_day=paused_due if due != paused_due else None,
        reason=reason,
        interval=used,
        profile=profile.name,
    )


def first_period_status(
    first_request: date, held: Iterable[date], profile_lookup: ProfileLookup = profile_for_history
) -> FirstPeriod | None:
    """Held meetings owed in the first period (LAB § 31, stk. 3: 4 in 6 months), or None when
    the profile in force on the first request sets no minimum.

    The period is first_request <= d < first_request + first_period_months. Its deadline is the
    period's last day (not the day after, which no longer counts), moved off a closed day.
    Meetings held on the same day count once."""
    profile = profile_lookup(first_request)
    if profile.first_period_min_meetings == 0:
        return None
    after = first_request + relativedelta(months=profile.first_period_months)
    # Distinct days: two meetings recorded on one day are far more often a double entry than
    # two real contacts, and the rule is about contact spread over the period.
    count = len({day for day in held if first_request <= day < after})
    required = profile.first_period_min_meetings
    return FirstPeriod(
        period_start=first_request,
        period_end=last_open_day_on_or_before(after - ONE_DAY, profile),
        required=required,
        held_in_period=count,
        owed=max(0, required - count),
    )
