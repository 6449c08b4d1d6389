"""One day: its meetings in time order, every overdue obligation whatever its age (they stay
in sight until done), and everything that falls due that day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.obligations import Obligation, obligations
from store.queries.common import active_citizens
from store.queries.rows import AgendaMeeting
from store.queries.upcoming import upcoming_not_invited
from store.rules import profile_for
from store.rules.day_rules import not_invited


@dataclass(frozen=True, slots=True)
class Agenda:
    day: date
    meetings: tuple[AgendaMeeting, ...]
    overdue: tuple[Obligation, ...]  # every overdue obligation, worst first, any age
    due: tuple[Obligation, ...]  # not overdue, due on `day`
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
    items = obligations(session, today, until=max(day, today), caseworker=caseworker)
    return Agenda(
        day=day,
        meetings=tuple(day_meetings(session, day, caseworker=caseworker, today=today)),
        overdue=tuple(item for item in items if item.days_left < 0),
        due=tuple(item for item in items if item.days_left >= 0 and item.due == day),
        not_invited=tuple(upcoming_not_invited(session, today, caseworker=caseworker)) if day == today else (),
    )
