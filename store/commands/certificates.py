"""Doctor's certificates done the way the seeds ask: specific questions for the forms that come
back useless without them, a warning before ordering a form whose recent answer is already in
the case, the consultation date added afterwards, and closing the "chase it" task on answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.commands import doctor
from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, not_after, text
from store.db.models import DoctorRequest, Task
from store.errors import Invalid
from store.rules import form_code, profile_for

# How an open task is recognised as "chase the certificate": its title names one of these.
# The seeds' own wording ("Rykke for lægeattest") and the form code cover what caseworkers write.
CHASE_WORDS = ("attest", "læge", "lae ", "læ ")


@dataclass(frozen=True)
class RecentAnswer:
    request_id: int
    form: str
    doctor: str
    answered: date


def recent_answers(session: Session, *, citizen_id: int, form: str, today: date) -> tuple[RecentAnswer, ...]:
    """Answers of the same form younger than the profile's months, newest first."""
    months = profile_for(today).workflows.recent_answer_months
    since = today - relativedelta(months=months)
    try:
        code = form_code(form)
    except ValueError:
        return ()
    stmt = (select(DoctorRequest.id, DoctorRequest.form, DoctorRequest.doctor, DoctorRequest.answered)
            .where(DoctorRequest.citizen_id == citizen_id, DoctorRequest.form == code,
                   DoctorRequest.answered.is_not(None), DoctorRequest.answered > since)
            .order_by(DoctorRequest.answered.desc(), DoctorRequest.id.desc()))
    return tuple(RecentAnswer(*row) for row in session.execute(stmt))


def chase_tasks(session: Session, *, request_id: int) -> tuple[tuple[int, str], ...]:
    """Open tasks of the request's citizen that are about chasing a certificate: (id, title)."""
    request = fetch(session, DoctorRequest, request_id)
    title = func.lower(Task.title)
    words = [*CHASE_WORDS, request.form.lower()]
    stmt = select(Task.id, Task.title).where(Task.citizen_id == request.citizen_id, Task.done_on.is_(None))
    rows = session.execute(stmt.order_by(Task.id)).all()
    # Filtered here: lower() in SQLite folds only ASCII, and "Læge" must match "læge".
    return tuple((tid, t) for tid, t in rows if any(w in t.lower() for w in words))


@dataclass(frozen=True)
class OrderCertificate(Command[int]):
    """Like doctor.order, but the forms the profile names need specific questions."""

    label: ClassVar[str] = "doctor.order_with_questions"
    citizen_id: int
    form: str
    doctor: str
    sent: date
    questions: str | None = None
    consultation: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        try:
            code = form_code(self.form)
        except ValueError as exc:
            raise Invalid("form", str(exc), "doctor.unknown_form", form=self.form) from exc
        if code in profile_for(self.sent).workflows.questions_required and not (self.questions or "").strip():
            raise Invalid("questions", f"{code} needs specific questions", "doctor.questions_required", form=code)
        return doctor.order(session, citizen_id=self.citizen_id, form=code, doctor=self.doctor, sent=self.sent,
                            questions=self.questions, consultation=self.consultation)


@dataclass(frozen=True)
class SetConsultation(Command[date]):
    """The consultation date, known after ordering: the answer is then due answer_days after it
    (capped by the outer limit from sending). Returns the new answer due date."""

    label: ClassVar[str] = "doctor.consultation"
    request_id: int
    consultation: date

    def apply(self, session: Session, ctx: Context) -> date:
        request = fetch(session, DoctorRequest, self.request_id)
        if request.status != "sent":
            raise Invalid("consultation", "only an unanswered request", "doctor.not_open")
        if self.consultation < request.sent:
            raise Invalid("consultation", "the consultation cannot be before the request", "date.before_sent")
        doctor.set_consultation(session, request_id=self.request_id, consultation=self.consultation)
        return request.answer_due


@dataclass(frozen=True)
class RegisterCertificateAnswer(Command[None]):
    """The answer came: registered, and a LÆ 265 ticks the plan's LÆ 265 item."""

    label: ClassVar[str] = "doctor.register_answer"
    request_id: int
    answered: date
    answer_use: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        # doctor.register_answer ticks the plan's LÆ 265 item (store.commands.plan_ticks).
        doctor.register_answer(session, request_id=self.request_id, answered=self.answered, today=ctx.today,
                               answer_use=self.answer_use)


@dataclass(frozen=True)
class CloseTasks(Command[None]):
    label: ClassVar[str] = "tasks.close"
    task_ids: tuple[int, ...]

    def apply(self, session: Session, ctx: Context) -> None:
        for task_id in self.task_ids:
            task = fetch(session, Task, task_id)
            if task.done_on is None:
                task.done_on = ctx.today
                bump(task)
