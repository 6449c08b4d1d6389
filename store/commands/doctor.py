"""Order a doctor's certificate, register its answer and how it was used, send reminders."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from store.commands.checks import bump, fetch, not_after, text
from store.commands.plan_ticks import tick_lae265
from store.db.models import Citizen, DoctorRequest
from store.errors import Invalid
from store.rules import doctor_answer_due, profile_for


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
    except ValueError as exc:
        raise Invalid("form", str(exc), "doctor.unknown_form", form=form) from exc
    request = DoctorRequest(
        citizen_id=citizen_id, form=form, doctor=text("doctor", doctor, required=True, limit=300),
        questions=text("questions", questions), sent=sent, consultation=consultation, answer_due=due, status="sent",
    )
    session.add(request)
    session.flush()
    return request.id


def set_consultation(session: Session, *, request_id: int, consultation: date) -> None:
    """The consultation date, once known, can move the answer deadline (LÆ 135/145/265)."""
    request = fetch(session, DoctorRequest, request_id)
    request.consultation = consultation
    request.answer_due = doctor_answer_due(request.form, request.sent, consultation, profile_for(request.sent))
    bump(request)


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
