"""Rows the panes and the command line show: flat, frozen, cheap to compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from store.rules import Status

# The records of the citizen's timeline, case sparring and My numbers are in
# store.queries.screen_rows: the first frame needs only the panes' rows, and making those four
# dataclasses put ~3 ms in front of it (issue 15).


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
