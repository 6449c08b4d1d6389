"""Planned meetings of the coming days that nobody has called the citizen in to yet."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.db.statements import AnySelect
from store.queries.planner import unindexed
from store.queries.prepared import built, citizens, citizens_param
from store.queries.rows import AgendaMeeting
from store.rules import profile_for


def upcoming_not_invited(
    session: Session, today: date, *, caseworker: str | None = None, citizen_ids: Collection[int] | None = None,
) -> list[AgendaMeeting]:
    """Tomorrow up to the profile's warn days ahead (today's own meetings are in the agenda)."""
    stmt = built(("upcoming_not_invited", today, caseworker, citizen_ids is not None),
                 lambda: _statement(today, caseworker, () if citizen_ids is not None else None).order_by(Meeting.start, Meeting.id))
    return [
        AgendaMeeting(
            meeting_id=m.id, citizen_id=m.citizen_id, citizen_name=name, cpr=cpr, start=m.start, minutes=m.minutes,
            place=m.place, place_detail=m.place_detail, kind=m.kind, status=m.status, prepared=m.prepared,
            invited_on=None, not_invited=True,
        )
        for m, name, cpr in session.execute(stmt, citizens(citizen_ids))
    ]


def _statement(today: date, caseworker: str | None, citizen_ids: Collection[int] | None = None) -> AnySelect:
    warn = profile_for(today).workflows.invite_warn_days
    stmt = (
        select(Meeting, Citizen.name, Citizen.cpr)
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day > today, Meeting.day <= today + timedelta(days=warn), Meeting.status == "planned",
               Meeting.invited_on.is_(None))
    )
    if citizen_ids is not None:  # given at execution (store.queries.prepared)
        stmt = stmt.where(Meeting.citizen_id.in_(citizens_param()))
    # From the meetings of those few days (ix_meeting_day_status), the citizen checked per row:
    # without statistics SQLite would walk every active citizen's meetings instead.
    stmt = stmt.where(unindexed(Citizen.status) == "active")
    if caseworker is not None:
        stmt = stmt.where(unindexed(Citizen.caseworker) == caseworker)
    return stmt


def not_invited_counts(session: Session, today: date, *, caseworker: str | None = None) -> dict[int, int]:
    """How many of the coming days' meetings not called in each citizen has, counted in SQL
    (the Today pane's count, without reading the rows until a page reaches them)."""
    stmt = _statement(today, caseworker).with_only_columns(Meeting.citizen_id, func.count(), maintain_column_froms=True)
    return {cid: n for cid, n in session.execute(stmt.group_by(Meeting.citizen_id))}
