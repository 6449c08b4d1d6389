"""Rows the panes and the command line show: flat, frozen, cheap to compare."""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from datetime import date, datetime

from store.rules import Status


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    citizen_id: int
    cpr: str
    name: str
    due: date
    days_left: int
    status: Status
    reason: str
    base: date | None
    raw_due: date | None
    paused_days: int
    interval: str | None
    planned: datetime | None = None  # the booked meeting that will meet it, if any

    @property
    def booked_late(self) -> bool:
        return self.planned is not None and self.planned.date() > self.due


@dataclass(frozen=True, slots=True)
class AgendaMeeting:
    meeting_id: int
    citizen_id: int
    citizen_name: str
    cpr: str
    start: datetime
    minutes: int
    place: str
    place_detail: str | None
    kind: str
    status: str
    prepared: bool
    invited_on: date | None = None
    not_invited: bool = False


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    citizen_id: int
    cpr: str
    name: str
    next_due: date | None
    days_left: int | None
    status: Status | None
    last_contact: datetime | None
    days_since_contact: int | None
    open_items: int
    flags: tuple[str, ...]
    planned: datetime | None = None  # the citizen's next booked meeting

    @property
    def booked_late(self) -> bool:
        return self.planned is not None and self.next_due is not None and self.planned.date() > self.next_due


@dataclass(frozen=True, slots=True)
class DoctorRow:
    request_id: int
    citizen_id: int
    cpr: str
    name: str
    form: str
    doctor: str
    sent: date
    answer_due: date
    days_left: int
    status: Status
    reminders: int


@dataclass(frozen=True, slots=True)
class CourseRow:
    course_id: int
    citizen_id: int
    cpr: str
    name: str
    supplier: str
    title: str
    start: date
    end: date
    due: date
    days_left: int
    status: Status
    reasons: tuple[str, ...]  # "report_missing", "three_party_due", "ending_without_next_step"


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
