"""Frozen dataclasses: all the UI and the command line ever see of the database.

Widgets never hold ORM objects or sessions; a record is a snapshot that can be passed
between threads and compared for change."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

PLACES = ("jobcentre", "home", "supplier", "residential", "phone", "video", "other")
# "cancelled": the jobcentre called it off; "afbud": the citizen sent an afbud,
# which is followed up actively (a new meeting or a task).
MEETING_STATUSES = ("planned", "held", "no_show", "cancelled", "afbud")
INVITE_CHANNELS = ("letter", "digital_post", "sms", "phone")
MEETING_KINDS = ("job", "follow_up", "three_party", "network", "rehab", "other")
CHANNELS = ("phone", "sms", "email", "letter", "digital_post", "in_person")
DIRECTIONS = ("in", "out")
ABSENCE_KINDS = ("sickness", "holiday", "exemption", "other")
OUTCOMES = (
    "job", "ordinary_hours", "education", "fleksjob", "foertidspension", "ressourceforloeb",
    "moved", "other",
)
CITIZEN_STATUSES = ("active", "closed")
DOCTOR_STATUSES = ("sent", "answered", "cancelled")
COURSE_STATUSES = ("ordered", "active", "stopped", "completed")
RECOMMENDATIONS = ("ressourceforloeb", "fleksjob", "foertidspension", "other")
NETWORK_ROLES = (
    "mentor", "social_services", "psychiatry", "treatment", "residential", "interpreter",
    "representative", "doctor", "other",
)
HEARING_OUTCOMES = ("sanction", "no_sanction", "absence_accepted", "withdrawn")
COURSE_TYPES = ("praktik", "loentilskud", "vejledning", "mentor", "other")
COURSE_ABSENCE_OUTCOMES = ("accepted", "failure")
HEARING_RULES = ("las35", "las36")


@dataclass(frozen=True, slots=True)
class Flag:
    id: int
    citizen_id: int
    text: str
    starts: date | None
    ends: date | None


@dataclass(frozen=True, slots=True)
class Citizen:
    id: int
    cpr: str
    name: str
    phone: str | None
    email: str | None
    address: str | None
    first_request: date
    interval: str | None
    preferred_place: str | None
    interpreter_language: str | None
    status: str
    closed_on: date | None
    outcome: str | None
    outcome_note: str | None
    caseworker: str | None
    next_due: date | None
    due_base: date | None
    due_reason: str | None
    due_raw: date | None
    due_paused_days: int
    version: int
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    citizen_id: int
    start: datetime
    minutes: int
    place: str
    place_detail: str | None
    kind: str
    status: str
    prepared: bool
    preparation_note: str | None
    summary: str | None
    agreement: str | None
    absence_accepted: bool
    course_id: int | None
    version: int
    invited_on: date | None = None
    invited_via: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    citizen_id: int
    at: datetime
    channel: str
    direction: str
    reached: bool
    note: str | None
    version: int


@dataclass(frozen=True, slots=True)
class Absence:
    id: int
    citizen_id: int
    kind: str
    first_day: date
    last_day: date
    note: str | None
    version: int


@dataclass(frozen=True, slots=True)
class DoctorRequest:
    id: int
    citizen_id: int
    form: str
    doctor: str
    questions: str | None
    sent: date
    consultation: date | None
    answer_due: date
    answered: date | None
    answer_use: str | None
    status: str
    reminders: int
    last_reminder: date | None
    version: int


@dataclass(frozen=True, slots=True)
class Supplier:
    id: int
    name: str
    contact: str | None
    phone: str | None
    email: str | None
    version: int


@dataclass(frozen=True, slots=True)
class ProgressReport:
    id: int
    course_id: int
    expected: date | None
    received: date
    read_on: date | None
    summary: str | None
    version: int


@dataclass(frozen=True, slots=True)
class Course:
    id: int
    citizen_id: int
    supplier_id: int
    supplier_name: str
    title: str
    purpose: str | None
    plan: str | None
    start: date
    end: date
    report_cadence: str
    three_party_interval: str | None
    last_three_party: date | None
    status: str
    next_step: str | None
    stop_reason: str | None
    next_report_due: date | None
    next_three_party_due: date | None
    version: int
    reports: tuple[ProgressReport, ...] = ()
    course_type: str | None = None


@dataclass(frozen=True, slots=True)
class PlanItem:
    id: int
    plan_id: int
    key: str
    position: int
    done: bool
    done_on: date | None
    note: str | None
    version: int


@dataclass(frozen=True, slots=True)
class PreparatoryPlan:
    id: int
    citizen_id: int
    team_meeting: date | None
    recommendation: str | None
    decision: str | None
    decided_on: date | None
    status: str
    version: int
    items: tuple[PlanItem, ...] = ()


@dataclass(frozen=True, slots=True)
class NetworkPerson:
    id: int
    citizen_id: int
    role: str
    name: str
    organisation: str | None
    contact: str | None
    starts: date | None
    ends: date | None
    version: int


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    citizen_id: int
    at: datetime
    text: str
    version: int


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    citizen_id: int | None
    title: str
    due: date | None
    done_on: date | None
    version: int


@dataclass(frozen=True, slots=True)
class Hearing:
    id: int
    citizen_id: int
    meeting_id: int | None
    trigger: str
    failure_date: date
    sent: date | None
    reply_due: date | None
    decision_due: date
    outcome: str | None
    decided_on: date | None
    version: int
    rule: str | None = None
    guidance_on: date | None = None
    reply_on: date | None = None
    reply_text: str | None = None
    reasoning: str | None = None
    contact_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class CourseAbsence:
    id: int
    citizen_id: int
    course_id: int
    first_day: date
    last_day: date
    outcome: str
    note: str | None
    hearing_id: int | None
    version: int


@dataclass(frozen=True, slots=True)
class SparringNote:
    id: int
    citizen_id: int
    on: date
    note: str | None
    version: int


@dataclass(frozen=True, slots=True)
class CitizenFile:
    """Everything about one citizen, for the citizen screen and the portable export."""

    citizen: Citizen
    meetings: tuple[Meeting, ...] = ()
    contacts: tuple[Contact, ...] = ()
    absences: tuple[Absence, ...] = ()
    doctor_requests: tuple[DoctorRequest, ...] = ()
    courses: tuple[Course, ...] = ()
    plans: tuple[PreparatoryPlan, ...] = ()
    network: tuple[NetworkPerson, ...] = ()
    notes: tuple[Note, ...] = ()
    tasks: tuple[Task, ...] = ()
    hearings: tuple[Hearing, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)
    course_absences: tuple[CourseAbsence, ...] = ()
    sparring_notes: tuple[SparringNote, ...] = ()
