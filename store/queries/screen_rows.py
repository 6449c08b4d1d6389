"""The rows of the citizen's timeline, case sparring and My numbers: flat, frozen, cheap to
compare. Named through store.queries.rows as well (imported from there when first asked for)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event in the citizen's red thread."""

    at: datetime
    kind: str  # meeting, contact, note, doctor, course, report, absence, hearing, task, plan, network
    ref_id: int
    title: str
    detail: str
    status: str | None = None
    channel: str | None = None  # contacts: phone, sms, email, letter
    direction: str | None = None  # contacts: in, out


@dataclass(frozen=True, slots=True)
class SparringRow:
    citizen_id: int
    cpr: str
    name: str
    reasons: tuple[str, ...]  # "no_meeting", "no_progress", "late_certificate", "course_without_reports"
    days_since_meeting: int | None
    days_since_contact: int | None
    # (reason, days): how long each reason has held, for "ingen afholdt samtale i 60 dage".
    days: tuple[tuple[str, int], ...] = ()
    discussed_on: date | None = None


@dataclass(frozen=True, slots=True)
class MonthFigure:
    month: date  # first day of the month
    timeliness_pct: float | None  # share of deadlines that month met by a held meeting
    meetings_held: int
    plans_made: int
    caseload: int
    outcomes: int


@dataclass(frozen=True, slots=True)
class Numbers:
    today: date
    caseload: int
    norm_low: int
    norm_high: int
    timeliness_pct: float | None
    plans_made_12m: int
    outcomes_12m: dict[str, int]
    months: tuple[MonthFigure, ...]
    day: Any = None  # store.queries.day_numbers.DayNumbers
