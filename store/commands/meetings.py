"""Plan a meeting; mark it held, no-show or cancelled. Holding one moves the next deadline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, ClassVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, in_range, one_of, text
from store.db.models import Citizen, Hearing, Meeting
from store.errors import Invalid
from store.records import HEARING_OUTCOMES, MEETING_KINDS, PLACES
from store.rules import hearing_reply_due, is_open_day, profile_for, sanction_decision_due


@dataclass(frozen=True)
class MeetingWarnings:
    overlaps: tuple[int, ...]  # ids of other planned/held meetings at the same time
    closed_day: bool


def warnings(session: Session, *, start: datetime, minutes: int, ignore_id: int | None = None) -> MeetingWarnings:
    """Not errors: a caseworker may well meet someone on a Saturday at a residential home."""
    end = start + timedelta(minutes=minutes)
    stmt = select(Meeting.id, Meeting.start, Meeting.minutes).where(
        Meeting.day == start.date(), Meeting.status.in_(("planned", "held"))
    )
    overlaps = tuple(
        mid for mid, other_start, other_minutes in session.execute(stmt)
        if mid != ignore_id and other_start < end and start < other_start + timedelta(minutes=other_minutes)
    )
    return MeetingWarnings(overlaps=overlaps, closed_day=not is_open_day(start.date()))


def plan(
    session: Session,
    *,
    citizen_id: int,
    start: datetime,
    minutes: int = 60,
    place: str = "jobcentre",
    kind: str = "job",
    place_detail: str | None = None,
    prepared: bool = False,
    preparation_note: str | None = None,
    course_id: int | None = None,
) -> int:
    fetch(session, Citizen, citizen_id)
    meeting = Meeting(
        citizen_id=citizen_id, start=start, day=start.date(), minutes=in_range("minutes", minutes, 5, 600),
        place=one_of("place", place, PLACES), kind=one_of("kind", kind, MEETING_KINDS),
        place_detail=text("place_detail", place_detail, limit=500), prepared=prepared,
        preparation_note=text("preparation_note", preparation_note), course_id=course_id, status="planned",
    )
    session.add(meeting)
    session.flush()
    return meeting.id


def edit(session: Session, *, meeting_id: int, expected_version: int | None = None, **changes: object) -> None:
    meeting = fetch(session, Meeting, meeting_id, expected_version)
    if "start" in changes:
        meeting.start = changes.pop("start")  # type: ignore[assignment]
        meeting.day = meeting.start.date()
    if "minutes" in changes:
        meeting.minutes = in_range("minutes", int(cast(int, changes.pop("minutes"))), 5, 600)
    if "place" in changes:
        meeting.place = one_of("place", str(changes.pop("place")), PLACES)
    if "kind" in changes:
        meeting.kind = one_of("kind", str(changes.pop("kind")), MEETING_KINDS)
    if "prepared" in changes:
        meeting.prepared = bool(changes.pop("prepared"))
    for key in ("place_detail", "preparation_note", "summary", "agreement"):
        if key in changes:
            setattr(meeting, key, text(key, changes.pop(key)))  # type: ignore[arg-type]
    if changes:
        raise Invalid(sorted(changes)[0], "cannot edit that field of a meeting", "value.not_editable")
    bump(meeting)


def mark_held(session: Session, *, meeting_id: int, today: date, summary: str | None = None, agreement: str | None = None) -> None:
    meeting = fetch(session, Meeting, meeting_id)
    if meeting.day > today:
        raise Invalid("start", "a meeting in the future cannot be marked held; move it to today first", "meeting.future_held")
    meeting.status = "held"
    meeting.summary = text("summary", summary)
    meeting.agreement = text("agreement", agreement)
    meeting.absence_accepted = False
    bump(meeting)


def mark_cancelled(session: Session, *, meeting_id: int) -> None:
    meeting = fetch(session, Meeting, meeting_id)
    meeting.status = "cancelled"
    bump(meeting)


def mark_no_show(
    session: Session, *, meeting_id: int, today: date, follow_up: str, trigger: str | None = None
) -> int | None:
    """`follow_up` is "accept" (accepted absence: no sanction), "hearing" (start a partshøring
    with its reply and decision deadlines; returns the hearing id) or "later" (decide later)."""
    meeting = fetch(session, Meeting, meeting_id)
    one_of("follow_up", follow_up, ("accept", "hearing", "later"))
    if meeting.day > today:
        raise Invalid("start", "a meeting in the future cannot be a no-show", "meeting.future_no_show")
    meeting.status = "no_show"
    meeting.absence_accepted = follow_up == "accept"
    bump(meeting)
    if follow_up != "hearing":
        return None
    return start_hearing(session, citizen_id=meeting.citizen_id, failure_date=meeting.day, sent=today,
                         trigger=trigger or "no_show", meeting_id=meeting.id)


def start_hearing(
    session: Session, *, citizen_id: int, failure_date: date, sent: date, trigger: str, meeting_id: int | None = None
) -> int:
    profile = profile_for(failure_date)
    hearing = Hearing(
        citizen_id=citizen_id, meeting_id=meeting_id, trigger=text("trigger", trigger, required=True, limit=500),
        failure_date=failure_date, sent=sent, reply_due=hearing_reply_due(sent, profile_for(sent)),
        decision_due=sanction_decision_due(failure_date, profile),
    )
    session.add(hearing)
    session.flush()
    return hearing.id


def decide_hearing(session: Session, *, hearing_id: int, outcome: str, decided_on: date) -> None:
    hearing = fetch(session, Hearing, hearing_id)
    hearing.outcome = one_of("outcome", outcome, HEARING_OUTCOMES)
    hearing.decided_on = decided_on
    bump(hearing)


def delete(session: Session, *, meeting_id: int) -> None:
    session.delete(fetch(session, Meeting, meeting_id))


# -- the commands: what a caller may ask for, as values ------------------------------------


@dataclass(frozen=True)
class PlanMeeting(Command[int]):
    """A new planned meeting; answers its id."""

    label: ClassVar[str] = "meetings.plan"
    citizen_id: int
    start: datetime
    minutes: int = 60
    place: str = "jobcentre"
    kind: str = "job"
    place_detail: str | None = None
    prepared: bool = False
    preparation_note: str | None = None
    course_id: int | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return plan(session, citizen_id=self.citizen_id, start=self.start, minutes=self.minutes, place=self.place,
                    kind=self.kind, place_detail=self.place_detail, prepared=self.prepared,
                    preparation_note=self.preparation_note, course_id=self.course_id)


@dataclass(frozen=True)
class EditMeeting(Command[None]):
    """Changes some fields of a meeting (`changes` maps field name to new value)."""

    label: ClassVar[str] = "meetings.edit"
    meeting_id: int
    changes: Mapping[str, Any] = field(default_factory=dict, hash=False)
    expected_version: int | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        edit(session, meeting_id=self.meeting_id, expected_version=self.expected_version, **self.changes)

    def shown(self) -> dict[str, Any]:
        return dict(self.changes)


@dataclass(frozen=True)
class MarkHeld(Command[None]):
    """The meeting took place: the next-meeting deadline moves from its day."""

    label: ClassVar[str] = "meetings.mark_held"
    meeting_id: int
    summary: str | None = None
    agreement: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        mark_held(session, meeting_id=self.meeting_id, today=ctx.today, summary=self.summary, agreement=self.agreement)


@dataclass(frozen=True)
class CancelMeeting(Command[None]):
    label: ClassVar[str] = "meetings.mark_cancelled"
    meeting_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        mark_cancelled(session, meeting_id=self.meeting_id)


@dataclass(frozen=True)
class MarkNoShow(Command[int | None]):
    """Answers the hearing's id when `follow_up` is "hearing"."""

    label: ClassVar[str] = "meetings.mark_no_show"
    meeting_id: int
    follow_up: str
    trigger: str | None = None

    def apply(self, session: Session, ctx: Context) -> int | None:
        return mark_no_show(session, meeting_id=self.meeting_id, today=ctx.today, follow_up=self.follow_up,
                            trigger=self.trigger)


@dataclass(frozen=True)
class DecideHearing(Command[None]):
    label: ClassVar[str] = "meetings.decide_hearing"
    hearing_id: int
    outcome: str
    decided_on: date

    def apply(self, session: Session, ctx: Context) -> None:
        decide_hearing(session, hearing_id=self.hearing_id, outcome=self.outcome, decided_on=self.decided_on)


@dataclass(frozen=True)
class DeleteMeeting(Command[None]):
    label: ClassVar[str] = "meetings.delete"
    meeting_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        delete(session, meeting_id=self.meeting_id)
