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
from store.queries.upcoming import upcoming_not_invited
from store.rules import profile_for
from store.rules.day_rules import not_invited


@dataclass(frozen=True, slots=True)
class Agenda:
    day: date
    meetings: tuple[AgendaMeeting, ...]
    due: tuple[DueItem, ...]
    # Planned meetings of the coming days not yet called in ("ikke indkaldt"), soonest first.
    not_invited: tuple[AgendaMeeting, ...] = ()


def day_meetings(
    session: Session, day: date, *, caseworker: str | None = None, today: date | None = None
) -> list[AgendaMeeting]:
    warn = profile_for(today or day).workflows.invite_warn_days
    stmt = (
        select(Meeting, Citizen.name, Citizen.cpr)
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day == day, Meeting.status.not_in(("cancelled", "afbud")))
        .order_by(Meeting.start, Meeting.id)
    )
    stmt = active_citizens(stmt, caseworker)
    return [
        AgendaMeeting(
            meeting_id=m.id, citizen_id=m.citizen_id, citizen_name=name, cpr=cpr, start=m.start,
            minutes=m.minutes, place=m.place, place_detail=m.place_detail, kind=m.kind, status=m.status,
            prepared=m.prepared, invited_on=m.invited_on,
            not_invited=not_invited(m.day, m.status, m.invited_on, today or day, warn),
        )
        for m, name, cpr in session.execute(stmt)
    ]


def agenda(session: Session, day: date, today: date, *, caseworker: str | None = None) -> Agenda:
    return Agenda(
        day=day,
        meetings=tuple(day_meetings(session, day, caseworker=caseworker, today=today)),
        due=tuple(due_items(session, today, since=day, until=day, caseworker=caseworker)),
        not_invited=tuple(upcoming_not_invited(session, today, caseworker=caseworker)) if day == today else (),
    )
