"""Open certificate requests of the active caseload, the most overdue answer first."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from store.db.models import Citizen, DoctorRequest
from store.db.statements import AnySelect
from store.queries.common import active_citizens, judge
from store.queries.rows import DoctorRow
from store.queries.search import citizen_or


def _base(caseworker: str | None, search: str | None, *columns: ColumnElement[Any] | QueryableAttribute[Any]) -> AnySelect:
    # Driven from the (status, answer_due) index: open requests are few, citizens are many.
    stmt = (
        select(*columns)
        .select_from(DoctorRequest)
        .join(Citizen, Citizen.id == DoctorRequest.citizen_id)
        .where(DoctorRequest.status == "sent", citizen_or(search, DoctorRequest.doctor))
    )
    return active_citizens(stmt, caseworker)


def doctors_stmt(
    *, caseworker: str | None = None, search: str | None = None, limit: int | None = None, offset: int = 0
) -> Select[int, int, str, str, str, str, date, date, int]:
    stmt = _base(
        caseworker, search, DoctorRequest.id, Citizen.id, Citizen.cpr, Citizen.name, DoctorRequest.form,
        DoctorRequest.doctor, DoctorRequest.sent, DoctorRequest.answer_due, DoctorRequest.reminders,
    ).order_by(DoctorRequest.answer_due, DoctorRequest.id).offset(offset)
    return stmt.limit(limit) if limit is not None else stmt


def count_doctors_stmt(*, caseworker: str | None = None, search: str | None = None) -> Select[int]:
    return _base(caseworker, search, func.count(DoctorRequest.id))


def doctor_requests(
    session: Session,
    today: date,
    *,
    caseworker: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[DoctorRow]:
    rows = []
    stmt = doctors_stmt(caseworker=caseworker, search=search, limit=limit, offset=offset)
    for rid, cid, cpr, name, form, doctor, sent, due, reminders in session.execute(stmt):
        left, status = judge(due, today)
        rows.append(DoctorRow(
            request_id=rid, citizen_id=cid, cpr=cpr, name=name, form=form, doctor=doctor, sent=sent,
            answer_due=due, days_left=left, status=status, reminders=reminders,
        ))
    return rows


def count_doctor_requests(session: Session, *, caseworker: str | None = None, search: str | None = None) -> int:
    return session.scalar(count_doctors_stmt(caseworker=caseworker, search=search)) or 0
