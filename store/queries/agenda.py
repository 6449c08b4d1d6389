"""One day: its meetings in time order, and everything that falls due that day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.queries.common import active_citizens
from store.queries.due import due_items
from store.queries.rows import AgendaMeeting, DueItem


@dataclass(frozen=True, slots=True)
class Agenda:
    day: date
    meetings: tuple[AgendaMeeting, ...]
    due: tuple[DueItem, ...]


def day_meetings(session: Session, day: date, *, caseworker: str | None = None) -> list[AgendaMeeting]:
    stmt = (
        select(Meeting, Citizen.name, Citizen.cpr)
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day == day, Meeting.status != "cancelled")
        .order_by(Meeting.start, Meeting.id)
    )
    stmt = active_citizens(stmt, caseworker)
    return [
        AgendaMeeting(
            meeting_id=m.id, citizen_id=m.citizen_id, citizen_name=name, cpr=cpr, start=m.start,
            minutes=m.minutes, place=m.place, place_detail=m.place_detail, kind=m.kind, status=m.status,
            prepared=m.prepared,
        )
        for m, name, cpr in session.execute(stmt)
    ]


def agenda(session: Session, day: date, today: date, *, caseworker: str | None = None) -> Agenda:
    return Agenda(
        day=day,
        meetings=tuple(day_meetings(session, day, caseworker=caseworker)),
        due=tuple(due_items(session, today, since=day, until=day, caseworker=caseworker)),
    )
