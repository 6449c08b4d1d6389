"""Shared pieces of the kind modules: making an Obligation, and the booked-meeting lookups."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, func, select
from sqlalchemy.orm import QueryableAttribute

from store.db.models import Meeting
from store.obligations.model import Obligation
from store.obligations.scope import Scope

# An id to correlate on: a model's column (`Citizen.id`) or a subquery's (`page.c.id`).
_Id = ColumnElement[Any] | QueryableAttribute[int]


def iso(day: date | datetime | None) -> str:
    return "" if day is None else day.isoformat()


def make(
    scope: Scope, kind: str, ref_kind: str, ref_id: int, citizen: tuple[int | None, str | None, str | None],
    due: date, reason: str, args: dict[str, object], *, planned: datetime | None = None, **work: int,
) -> Obligation:
    cid, name, cpr = citizen
    left, status = scope.judge(due, **work)
    return Obligation(
        kind=kind, ref_id=ref_id, citizen_id=cid, name=name or "", cpr=cpr or "", due=due, days_left=left,
        status=status, reason=reason,
        reason_args=tuple((key, iso(value) if isinstance(value, (date, datetime)) else str(value))
                          for key, value in args.items() if value is not None),
        done_when=f"obligation.done.{kind}", planned=planned, ref_kind=ref_kind,
    )


def next_planned(citizen_id: _Id, today: date) -> ScalarSelect[datetime]:
    """The start of the citizen's earliest planned meeting from today on (any kind: every held
    meeting meets the next-meeting deadline), as a correlated scalar subquery."""
    return (
        select(func.min(Meeting.start))
        .where(Meeting.citizen_id == citizen_id, Meeting.status == "planned", Meeting.day >= today)
        .scalar_subquery()
    )


def next_three_party(course_id: _Id, today: date) -> ScalarSelect[datetime]:
    """The earliest planned three-party meeting linked to the course, from today on."""
    return (
        select(func.min(Meeting.start))
        .where(Meeting.course_id == course_id, Meeting.kind == "three_party", Meeting.status == "planned",
               Meeting.day >= today)
        .scalar_subquery()
    )


def last_three_party(course_id: _Id) -> ScalarSelect[date]:
    return (
        select(func.max(Meeting.day))
        .where(Meeting.course_id == course_id, Meeting.kind == "three_party", Meeting.status == "held")
        .scalar_subquery()
    )
