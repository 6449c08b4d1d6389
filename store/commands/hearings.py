"""A hearing (partshøring) both ways: the written guidance given, the attempts to reach the
citizen (logged contacts linked to the hearing), the citizen's reply, then the decision with
its reasoning ("fremmer rådighed")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, not_after, one_of, text
from store.db.models import ContactEntry, CourseAbsence, Hearing, HearingContact, Meeting
from store.errors import Invalid
from store.records import CHANNELS, DIRECTIONS, HEARING_OUTCOMES


def _open(session: Session, hearing_id: int) -> Hearing:
    hearing = fetch(session, Hearing, hearing_id)
    if hearing.decided_on is not None:
        raise Invalid("outcome", "the hearing is already decided", "hearing.decided")
    return hearing


@dataclass(frozen=True)
class RecordGuidance(Command[None]):
    """The written guidance on the consequences (partshøringsbrev / vejledning) was given."""

    label: ClassVar[str] = "hearings.guidance"
    hearing_id: int
    guidance_on: date

    def apply(self, session: Session, ctx: Context) -> None:
        hearing = _open(session, self.hearing_id)
        hearing.guidance_on = not_after("guidance_on", self.guidance_on, ctx.today)
        bump(hearing)


@dataclass(frozen=True)
class LogHearingContact(Command[int]):
    """A call, text or letter to reach the citizen in the hearing: logged as an ordinary
    contact (it belongs in the red thread) and linked to the hearing. Returns the contact id."""

    label: ClassVar[str] = "hearings.contact"
    hearing_id: int
    at: datetime
    channel: str = "phone"
    direction: str = "out"
    reached: bool = False
    note: str | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        hearing = _open(session, self.hearing_id)
        contact = ContactEntry(
            citizen_id=hearing.citizen_id, at=self.at, channel=one_of("channel", self.channel, CHANNELS),
            direction=one_of("direction", self.direction, DIRECTIONS), reached=self.reached,
            note=text("note", self.note, limit=5000),
        )
        session.add(contact)
        session.flush()
        session.add(HearingContact(hearing_id=hearing.id, contact_id=contact.id))
        session.flush()
        return contact.id


@dataclass(frozen=True)
class RecordHearingReply(Command[None]):
    label: ClassVar[str] = "hearings.reply"
    hearing_id: int
    reply_on: date
    reply_text: str

    def apply(self, session: Session, ctx: Context) -> None:
        hearing = _open(session, self.hearing_id)
        hearing.reply_on = not_after("reply_on", self.reply_on, ctx.today)
        hearing.reply_text = text("reply_text", self.reply_text, required=True, limit=20_000)
        bump(hearing)


@dataclass(frozen=True)
class DecideHearing(Command[None]):
    """The decision and why. A sanction not before the reply deadline unless the reply has come:
    the citizen was promised that time (deciding for the citizen early takes nothing from them). "absence_accepted" also accepts the missed meeting or
    course days the hearing is about, so no sanction decision is owed for them any more."""

    label: ClassVar[str] = "hearings.decide"
    hearing_id: int
    outcome: str
    decided_on: date
    reasoning: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        hearing = _open(session, self.hearing_id)
        hearing.outcome = one_of("outcome", self.outcome, HEARING_OUTCOMES)
        not_after("decided_on", self.decided_on, ctx.today)
        early = hearing.reply_on is None and hearing.reply_due is not None and self.decided_on <= hearing.reply_due
        if early and self.outcome == "sanction":
            raise Invalid("decided_on", "the citizen's reply time has not run out and no reply is recorded",
                          "hearing.before_reply", reply_due=hearing.reply_due.isoformat())
        hearing.decided_on = self.decided_on
        hearing.reasoning = text("reasoning", self.reasoning, limit=20_000)
        bump(hearing)
        if self.outcome == "absence_accepted":
            if hearing.meeting_id is not None:
                meeting = session.get(Meeting, hearing.meeting_id)
                if meeting is not None:
                    meeting.absence_accepted = True
            for absence in session.scalars(select(CourseAbsence).where(CourseAbsence.hearing_id == hearing.id)):
                absence.outcome = "accepted"
