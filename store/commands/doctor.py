"""Order a doctor's certificate, register its answer and how it was used, send reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, not_after, text
from store.commands.plan_ticks import tick_lae265
from store.db.models import Citizen, DoctorRequest
from store.errors import Invalid
from store.rules import doctor_answer_due, form_code, profile_for


def order(
    session: Session,
    *,
    citizen_id: int,
    form: str,
    doctor: str,
    sent: date,
    questions: str | None = None,
    consultation: date | None = None,
) -> int:
    fetch(session, Citizen, citizen_id)
    try:
        due = doctor_answer_due(form, sent, consultation, profile_for(sent))
        code = form_code(form)
    except ValueError as exc:
        raise Invalid("form", str(exc), "doctor.unknown_form", form=form) from exc
    # The seeds: a certificate comes back useless when nobody asked it anything.
    if code in profile_for(sent).workflows.questions_required and not (questions or "").strip():
        raise Invalid("questions", f"{code} needs specific questions", "doctor.questions_required", form=code)
    request = DoctorRequest(
        citizen_id=citizen_id, form=form, doctor=text("doctor", doctor, required=True, limit=300),
        questions=text("questions", questions), sent=sent, consultation=consultation, answer_due=due, status="sent",
    )
    session.add(request)
    session.flush()
    return request.id


def set_consultation(session: Session, *, request_id: int, consultation: date) -> date:
    """The consultation date, once known, can move the answer deadline (LÆ 135/145/265).
    Returns the answer's new due date."""
    request = fetch(session, DoctorRequest, request_id)
    if request.status != "sent":
        raise Invalid("consultation", "only an unanswered request", "doctor.not_open")
    if consultation < request.sent:
        raise Invalid("consultation", "the consultation cannot be before the request", "date.before_sent")
    request.consultation = consultation
    request.answer_due = doctor_answer_due(request.form, request.sent, consultation, profile_for(request.sent))
    bump(request)
    return request.answer_due


def register_answer(session: Session, *, request_id: int, answered: date, today: date, answer_use: str | None = None) -> None:
    request = fetch(session, DoctorRequest, request_id)
    request.answered = not_after("answered", answered, today)
    if answered < request.sent:
        raise Invalid("answered", "the answer cannot come before the request was sent", "date.before_sent")
    request.answer_use = text("answer_use", answer_use)
    request.status = "answered"
    bump(request)
    tick_lae265(session, request, today)


def record_use(session: Session, *, request_id: int, answer_use: str) -> None:
    request = fetch(session, DoctorRequest, request_id)
    request.answer_use = text("answer_use", answer_use, required=True)
    bump(request)


def send_reminder(session: Session, *, request_id: int, today: date) -> None:
    request = fetch(session, DoctorRequest, request_id)
    if request.status != "sent":
        raise Invalid("status", "only an unanswered request can be chased", "doctor.not_open")
    request.reminders += 1
    request.last_reminder = today
    bump(request)


def cancel(session: Session, *, request_id: int) -> None:
    request = fetch(session, DoctorRequest, request_id)
    request.status = "cancelled"
    bump(request)


# -- the commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderCertificate(Command[int]):
    """A doctor's certificate asked for on an LÆ form; answers the request's id."""

    label: ClassVar[str] = "doctor.order"
    citizen_id: int
    form: str
    doctor: str
    sent: date
    questions: str | None = None
    consultation: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return order(session, citizen_id=self.citizen_id, form=self.form, doctor=self.doctor, sent=self.sent,
                     questions=self.questions, consultation=self.consultation)


@dataclass(frozen=True)
class SetConsultation(Command[date]):
    """Answers the new answer due date, which the form shows."""

    label: ClassVar[str] = "doctor.set_consultation"
    request_id: int
    consultation: date

    def apply(self, session: Session, ctx: Context) -> date:
        return set_consultation(session, request_id=self.request_id, consultation=self.consultation)


@dataclass(frozen=True)
class RegisterAnswer(Command[None]):
    label: ClassVar[str] = "doctor.register_answer"
    request_id: int
    answered: date
    answer_use: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        register_answer(session, request_id=self.request_id, answered=self.answered, today=ctx.today,
                        answer_use=self.answer_use)


@dataclass(frozen=True)
class RecordUse(Command[None]):
    label: ClassVar[str] = "doctor.record_use"
    request_id: int
    answer_use: str

    def apply(self, session: Session, ctx: Context) -> None:
        record_use(session, request_id=self.request_id, answer_use=self.answer_use)


@dataclass(frozen=True)
class SendReminder(Command[None]):
    label: ClassVar[str] = "doctor.send_reminder"
    request_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        send_reminder(session, request_id=self.request_id, today=ctx.today)


@dataclass(frozen=True)
class CancelCertificate(Command[None]):
    label: ClassVar[str] = "doctor.cancel"
    request_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        cancel(session, request_id=self.request_id)
