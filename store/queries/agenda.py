"""One day: its meetings in time order, every overdue obligation whatever its age (they stay
in sight until done), and everything that falls due that day."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.obligations import Obligation, obligations
from store.obligations.model import order_key
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
    session: Session, day: date, *, caseworker: str | None = None, today: date | None = None,
    citizen_ids: Collection[int] | None = None,
) -> list[AgendaMeeting]:
    warn = profile_for(today or day).workflows.invite_warn_days
    stmt = (
        select(Meeting, Citizen.name, Citizen.cpr)
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day == day, Meeting.status.not_in(("cancelled", "afbud")))
        .order_by(Meeting.start, Meeting.id)
    )
    if citizen_ids is not None:
        stmt = stmt.where(Meeting.citizen_id.in_(sorted(citizen_ids)))
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


def agenda(
    session: Session, day: date, today: date, *, caseworker: str | None = None,
    citizen_ids: Collection[int] | None = None,
) -> Agenda:
    """`citizen_ids`: only what these citizens contribute (after a write that touched only
    them, the Today pane replaces their rows and keeps everyone else's)."""
    until = max(day, today)
    if citizen_ids is None:
        items = obligations(session, today, until=until, caseworker=caseworker)
    else:
        items = sorted((item for citizen_id in sorted(citizen_ids)
                        for item in obligations(session, today, until=until, caseworker=caseworker, citizen_id=citizen_id)),
                       key=order_key)
    return Agenda(
        day=day,
        meetings=tuple(day_meetings(session, day, caseworker=caseworker, today=today, citizen_ids=citizen_ids)),
        overdue=tuple(item for item in items if item.days_left < 0),
        due=tuple(item for item in items if item.days_left >= 0 and item.due == day),
        not_invited=tuple(upcoming_not_invited(session, today, caseworker=caseworker, citizen_ids=citizen_ids))
        if day == today else (),
    )
