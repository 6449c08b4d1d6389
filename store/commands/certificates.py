"""Doctor's certificates done the way the seeds ask: specific questions for the forms that come
back useless without them, a warning before ordering a form whose recent answer is already in
the case, and closing the "chase it" task on answer. (The questions rule and the consultation
date are in store.commands.doctor.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, cast

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch
from store.db.models import DoctorRequest, Task
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
    # `answered.is_not(None)` above; the column's type cannot know.
    return tuple(
        RecentAnswer(request_id, answer_form, doctor, cast(date, answered))
        for request_id, answer_form, doctor, answered in session.execute(stmt)
    )


def chase_tasks(session: Session, *, request_id: int) -> tuple[tuple[int, str], ...]:
    """Open tasks of the request's citizen that are about chasing a certificate: (id, title)."""
    request = fetch(session, DoctorRequest, request_id)
    words = [*CHASE_WORDS, request.form.lower()]
    stmt = select(Task.id, Task.title).where(Task.citizen_id == request.citizen_id, Task.done_on.is_(None))
    rows = session.execute(stmt.order_by(Task.id)).all()
    # Filtered here: lower() in SQLite folds only ASCII, and "Læge" must match "læge".
    return tuple((tid, t) for tid, t in rows if any(w in t.lower() for w in words))


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
