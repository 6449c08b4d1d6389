"""A citizen's next-meeting deadline as stored and shown: the interval deadline
(`next_meeting_deadline`), unless the first period's pace needs the meeting sooner."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from store.rules.interval import Interval
from store.rules.meetings import DeadlineReason, MeetingDeadline, ProfileLookup, next_meeting_deadline
from store.rules.pace import first_period_pace
from store.rules.profile import profile_for_history


def citizen_next_meeting(
    first_request: date,
    held: Sequence[date],
    interval: Interval | None,
    absences: Sequence[tuple[date, date]],
    profile_lookup: ProfileLookup = profile_for_history,
) -> MeetingDeadline:
    """The earlier of the interval deadline and the first period's pace deadline (reason
    FIRST_PERIOD_PACE). The pace only applies while meetings are owed and the base meeting
    lies inside the period: after the period, the interval alone decides."""
    deadline = next_meeting_deadline(first_request, held, interval, absences, profile_lookup)
    if deadline.reason is DeadlineReason.FIRST_MEETING:
        return deadline  # nothing held: the first-meeting rule is far sooner than any pace
    pace = first_period_pace(first_request, held, profile_lookup)
    if pace is None or pace.base < deadline.base or pace.due >= deadline.due:
        return deadline
    return dataclasses.replace(
        deadline,
        due=pace.due,
        raw_due=pace.raw_due,
        paused_days=0,
        moved_from_closed_day=pace.raw_due if pace.due != pace.raw_due else None,
        reason=DeadlineReason.FIRST_PERIOD_PACE,
    )
