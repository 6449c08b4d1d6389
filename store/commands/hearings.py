"""A hearing (partshøring) both ways: the written guidance given, the attempts to reach the
citizen (logged contacts linked to the hearing) and the citizen's reply. The decision with its
reasoning ("fremmer rådighed") is store.commands.decisions.DecideHearing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, not_after, one_of, text
from store.db.models import ContactEntry, Hearing, HearingContact
from store.errors import Invalid
from store.records import CHANNELS, DIRECTIONS


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

