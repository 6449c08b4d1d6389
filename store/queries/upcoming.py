"""Planned meetings of the coming days that nobody has called the citizen in to yet."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.queries.common import active_citizens
from store.queries.rows import AgendaMeeting
from store.rules import profile_for


def upcoming_not_invited(
    session: Session, today: date, *, caseworker: str | None = None, citizen_ids: Collection[int] | None = None,
) -> list[AgendaMeeting]:
    """Tomorrow up to the profile's warn days ahead (today's own meetings are in the agenda)."""
    warn = profile_for(today).workflows.invite_warn_days
    stmt = (
        select(Meeting, Citizen.name, Citizen.cpr)
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day > today, Meeting.day <= today + timedelta(days=warn), Meeting.status == "planned",
               Meeting.invited_on.is_(None))
        .order_by(Meeting.start, Meeting.id)
    )
    if citizen_ids is not None:
        stmt = stmt.where(Meeting.citizen_id.in_(sorted(citizen_ids)))
    return [
        AgendaMeeting(
            meeting_id=m.id, citizen_id=m.citizen_id, citizen_name=name, cpr=cpr, start=m.start, minutes=m.minutes,
            place=m.place, place_detail=m.place_detail, kind=m.kind, status=m.status, prepared=m.prepared,
            invited_on=None, not_invited=True,
        )
        for m, name, cpr in session.execute(active_citizens(stmt, caseworker))
    ]
