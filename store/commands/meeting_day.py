"""A planned meeting through the day: the citizen's afbud (with its follow-up), moving it,
marking it prepared, and the indkaldelse (when and how the citizen was called in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, in_range, not_after, one_of, text
from store.commands.meetings import plan
from store.db.models import Meeting, Task
from store.errors import Invalid
from store.records import INVITE_CHANNELS, PLACES

AFBUD_FOLLOW_UPS = ("meeting", "task")


def _planned(session: Session, meeting_id: int, expected_version: int | None = None) -> Meeting:
    meeting = fetch(session, Meeting, meeting_id, expected_version)
    if meeting.status != "planned":
        raise Invalid("status", "only a planned meeting can be changed this way", "meeting.not_planned")
    return meeting


@dataclass(frozen=True)
class CitizenCancelled(Command[int]):
    """An afbud: the citizen cancelled, which is not the jobcentre cancelling. It is followed up
    at once, by a new meeting (`follow_up="meeting"`, `start` required) or a task (`task_due`).
    Returns the id of the new meeting or task."""

    label: ClassVar[str] = "meetings.citizen_cancelled"
    meeting_id: int
    follow_up: str
    reason: str | None = None
    start: datetime | None = None
    minutes: int | None = None
    task_title: str | None = None
    task_due: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        meeting = _planned(session, self.meeting_id)
        one_of("follow_up", self.follow_up, AFBUD_FOLLOW_UPS)
        meeting.status = "afbud"
        if self.reason:
            note = text("reason", self.reason, limit=2000)
            meeting.summary = note
        bump(meeting)
        if self.follow_up == "meeting":
            if self.start is None:
                raise Invalid("start", "a new meeting needs a date and a time", "value.required")
            return plan(
                session, citizen_id=meeting.citizen_id, start=self.start, minutes=self.minutes or meeting.minutes,
                place=meeting.place, kind=meeting.kind, place_detail=meeting.place_detail, course_id=meeting.course_id,
            )
        title = text("task_title", self.task_title or "", required=True, limit=500)
        task = Task(citizen_id=meeting.citizen_id, title=title, due=self.task_due or ctx.today)
        session.add(task)
        session.flush()
        return task.id


@dataclass(frozen=True)
class MoveMeeting(Command[None]):
    """New date, time, length or place. The old indkaldelse named the old time, so it is
    cleared: the citizen must be called in again."""

    label: ClassVar[str] = "meetings.move"
    meeting_id: int
    start: datetime
    minutes: int
    place: str
    place_detail: str | None = None
    expected_version: int | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        meeting = _planned(session, self.meeting_id, self.expected_version)
        moved = meeting.start != self.start or meeting.place != self.place or meeting.place_detail != self.place_detail
        meeting.start = self.start
        meeting.day = self.start.date()
        meeting.minutes = in_range("minutes", self.minutes, 5, 600)
        meeting.place = one_of("place", self.place, PLACES)
        meeting.place_detail = text("place_detail", self.place_detail, limit=500)
        if moved:
            meeting.invited_on = None
            meeting.invited_via = None
        bump(meeting)


@dataclass(frozen=True)
class SetPrepared(Command[None]):
    label: ClassVar[str] = "meetings.set_prepared"
    meeting_id: int
    prepared: bool

    def apply(self, session: Session, ctx: Context) -> None:
        meeting = _planned(session, self.meeting_id)
        meeting.prepared = self.prepared
        bump(meeting)


@dataclass(frozen=True)
class RecordInvitation(Command[None]):
    """The indkaldelse was sent: on which day and by which channel."""

    label: ClassVar[str] = "meetings.invited"
    meeting_id: int
    invited_on: date
    via: str

    def apply(self, session: Session, ctx: Context) -> None:
        meeting = _planned(session, self.meeting_id)
        meeting.invited_on = not_after("invited_on", self.invited_on, ctx.today)
        meeting.invited_via = one_of("via", self.via, INVITE_CHANNELS)
        bump(meeting)

