"""What follows a no-show, at any time after it: start a hearing, accept the absence, or
decide; and deciding a hearing. Deciding before the hearing's reply deadline, or a sanction
with no hearing at all, is refused with `DecisionNeedsConfirmation` until the caller confirms
(the form shows why and asks to save again)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, not_after, one_of, text
from store.commands.meetings import start_hearing
from store.db.models import CourseAbsence, Hearing, Meeting
from store.errors import Invalid
from store.records import HEARING_OUTCOMES
from store.rules import profile_for_history, sanction_decision_due


class DecisionNeedsConfirmation(Invalid):
    """Not an error of the data, a decision worth a second look: `code` says which
    ("decision.before_reply", "decision.no_hearing") and `params` the dates."""


def _check(hearing: Hearing | None, outcome: str, decided_on: date, confirmed: bool) -> None:
    if confirmed:
        return
    replied = hearing is not None and hearing.reply_on is not None
    if hearing is not None and hearing.reply_due is not None and decided_on <= hearing.reply_due and not replied:
        # The citizen was promised the reply period; a decision inside it ignores the reply.
        raise DecisionNeedsConfirmation(
            "decided_on", f"the citizen may reply until {hearing.reply_due.isoformat()}; decide after it",
            "decision.before_reply", reply_due=hearing.reply_due.isoformat(),
        )
    if outcome == "sanction" and (hearing is None or hearing.sent is None):
        raise DecisionNeedsConfirmation(
            "outcome", "a sanction needs a hearing (partshøring) first", "decision.no_hearing",
        )


def _no_show(session: Session, meeting_id: int) -> Meeting:
    meeting = fetch(session, Meeting, meeting_id)
    if meeting.status != "no_show":
        raise Invalid("meeting", "only a no-show can be followed up this way", "decision.not_a_no_show")
    return meeting


def _open_hearing(session: Session, meeting_id: int) -> Hearing | None:
    return session.scalar(
        select(Hearing).where(Hearing.meeting_id == meeting_id, Hearing.decided_on.is_(None)).order_by(Hearing.id)
    )


def _decide(session: Session, hearing: Hearing, outcome: str, decided_on: date, reasoning: str | None = None) -> None:
    hearing.outcome = one_of("outcome", outcome, HEARING_OUTCOMES)
    hearing.decided_on = decided_on
    if reasoning is not None:
        hearing.reasoning = text("reasoning", reasoning, limit=20_000)
    bump(hearing)
    if outcome == "absence_accepted":
        # The missed meeting or course days the hearing was about are lawful absence now, so
        # no sanction decision is owed for them any more.
        if hearing.meeting_id is not None:
            meeting = session.get(Meeting, hearing.meeting_id)
            if meeting is not None and not meeting.absence_accepted:
                meeting.absence_accepted = True
                bump(meeting)
        for absence in session.scalars(select(CourseAbsence).where(CourseAbsence.hearing_id == hearing.id)):
            absence.outcome = "accepted"
            bump(absence)


@dataclass(frozen=True)
class DecideHearing(Command[None]):
    """Record the decision of a hearing and why ("fremmer rådighed")."""

    label: ClassVar[str] = "decisions.decide_hearing"
    hearing_id: int
    outcome: str
    decided_on: date
    confirmed: bool = False
    reasoning: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        hearing = fetch(session, Hearing, self.hearing_id)
        not_after("decided_on", self.decided_on, ctx.today)
        one_of("outcome", self.outcome, HEARING_OUTCOMES)
        if hearing.decided_on is not None:
            raise Invalid("outcome", "the hearing is already decided", "hearing.decided")
        _check(hearing, self.outcome, self.decided_on, self.confirmed)
        _decide(session, hearing, self.outcome, self.decided_on, self.reasoning)


@dataclass(frozen=True)
class NoShowToHearing(Command[int]):
    """Start a hearing on an earlier no-show ("decide later" turned into a hearing). The
    decision deadline stays the failure's (LAS § 35, stk. 3); the reply runs from `sent`."""

    label: ClassVar[str] = "decisions.no_show_to_hearing"
    meeting_id: int
    trigger: str = "no_show"
    sent: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        meeting = _no_show(session, self.meeting_id)
        if meeting.absence_accepted:
            raise Invalid("meeting", "the absence was accepted; there is nothing to hear", "decision.accepted")
        if session.scalar(select(Hearing.id).where(Hearing.meeting_id == meeting.id)) is not None:
            raise Invalid("meeting", "a hearing was already started on this no-show", "decision.hearing_exists")
        sent = not_after("sent", self.sent or ctx.today, ctx.today)
        return start_hearing(session, citizen_id=meeting.citizen_id, failure_date=meeting.day, sent=sent,
                             trigger=self.trigger, meeting_id=meeting.id)


@dataclass(frozen=True)
class AcceptAbsence(Command[None]):
    """Accept an earlier no-show as lawful absence: no sanction; an open hearing on it is
    closed with the outcome "absence_accepted"."""

    label: ClassVar[str] = "decisions.accept_absence"
    meeting_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        meeting = _no_show(session, self.meeting_id)
        meeting.absence_accepted = True
        bump(meeting)
        hearing = _open_hearing(session, meeting.id)
        if hearing is not None:
            _decide(session, hearing, "absence_accepted", ctx.today)


@dataclass(frozen=True)
class DecideNoShow(Command[int]):
    """Decide on an earlier no-show. With an open hearing this decides it; without one, the
    decision is recorded as a hearing row with no hearing sent (a decision of no sanction, or
    a confirmed sanction). Returns the hearing id."""

    label: ClassVar[str] = "decisions.decide_no_show"
    meeting_id: int
    outcome: str
    decided_on: date
    confirmed: bool = False
    trigger: str = "no_show"

    def apply(self, session: Session, ctx: Context) -> int:
        meeting = _no_show(session, self.meeting_id)
        not_after("decided_on", self.decided_on, ctx.today)
        one_of("outcome", self.outcome, HEARING_OUTCOMES)
        hearing = _open_hearing(session, meeting.id)
        _check(hearing, self.outcome, self.decided_on, self.confirmed)
        if hearing is None:
            hearing = Hearing(
                citizen_id=meeting.citizen_id, meeting_id=meeting.id, failure_date=meeting.day,
                trigger=text("trigger", self.trigger, required=True, limit=500), sent=None, reply_due=None,
                decision_due=sanction_decision_due(meeting.day, profile_for_history(meeting.day)),
            )
            session.add(hearing)
            session.flush()
        if self.outcome == "absence_accepted":
            meeting.absence_accepted = True
            bump(meeting)
        _decide(session, hearing, self.outcome, self.decided_on)
        return hearing.id
