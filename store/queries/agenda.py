"""One day: its meetings in time order, every overdue obligation whatever its age (they stay
in sight until done), and everything that falls due that day."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.obligations import Obligation, obligations
from store.obligations.paged import OrderKey, derived_items, due_on, overdue_page
from store.obligations.scope import Scope
from store.db.statements import AnySelect
from store.queries.common import active_citizens
from store.queries.prepared import built, citizens, citizens_param
from store.queries.rows import AgendaMeeting
from store.queries.upcoming import not_invited_counts, upcoming_not_invited
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

    def build() -> AnySelect:
        stmt = (
            select(Meeting, Citizen.name, Citizen.cpr)
            .join(Citizen, Citizen.id == Meeting.citizen_id)
            .where(Meeting.day == day, Meeting.status.not_in(("cancelled", "afbud")))
            .order_by(Meeting.start, Meeting.id)
        )
        if citizen_ids is not None:  # given at execution (store.queries.prepared)
            stmt = stmt.where(Meeting.citizen_id.in_(citizens_param()))
        return active_citizens(stmt, caseworker)

    stmt = built(("day_meetings", day, caseworker, citizen_ids is not None), build)
    return [
        AgendaMeeting(
            meeting_id=m.id, citizen_id=m.citizen_id, citizen_name=name, cpr=cpr, start=m.start,
            minutes=m.minutes, place=m.place, place_detail=m.place_detail, kind=m.kind, status=m.status,
            prepared=m.prepared, invited_on=m.invited_on,
            not_invited=not_invited(m.day, m.status, m.invited_on, today or day, warn),
        )
        for m, name, cpr in session.execute(stmt, citizens(citizen_ids))
    ]


def agenda(
    session: Session, day: date, today: date, *, caseworker: str | None = None,
    citizen_ids: Collection[int] | None = None,
) -> Agenda:
    """`citizen_ids`: only what these citizens contribute (after a write that touched only
    them, the Today pane replaces their rows and keeps everyone else's)."""
    until = max(day, today)
    # A few citizens: one query per kind with IN, not one per citizen.
    items = obligations(session, today, until=until, caseworker=caseworker, citizen_ids=citizen_ids)
    return Agenda(
        day=day,
        meetings=tuple(day_meetings(session, day, caseworker=caseworker, today=today, citizen_ids=citizen_ids)),
        overdue=tuple(item for item in items if item.days_left < 0),
        due=tuple(item for item in items if item.days_left >= 0 and item.due == day),
        not_invited=tuple(upcoming_not_invited(session, today, caseworker=caseworker, citizen_ids=citizen_ids))
        if day == today else (),
    )


@dataclass(frozen=True, slots=True)
class AgendaPage:
    """A page of the day as the Today pane lists it: the overdue obligations after a key, the
    day's meetings and what falls due today (few), and the coming days' meetings not yet
    called in (thousands at 50,000 citizens: read once the page reaches them, or when
    `rest` is asked for). `counts`: every row of the whole day, per citizen (None: own tasks)."""

    day: date
    overdue: tuple[Obligation, ...]  # in order, after the key asked for
    overdue_counts: tuple[tuple[int | None, int], ...]  # every overdue one, per citizen
    counts: tuple[tuple[int | None, int], ...]
    rest: Agenda  # overdue=(); not_invited=() unless read

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def overdue_total(self) -> int:
        return sum(n for _, n in self.overdue_counts)


def agenda_page(
    session: Session, today: date, *, caseworker: str | None = None, after: OrderKey | None = None, limit: int,
    rest: bool = False,
) -> AgendaPage:
    """`rest`: read the coming days' meetings not called in even if the page is full."""
    # The first period's pace and the other derived dates are worked out once, for both parts.
    derived = derived_items(session, Scope(today, today, caseworker))
    page = overdue_page(session, today, caseworker=caseworker, after=after, limit=limit, derived=derived)
    meetings = tuple(day_meetings(session, today, caseworker=caseworker, today=today))
    due = tuple(due_on(session, today, caseworker=caseworker, derived=derived))
    counts: Counter[int | None] = Counter(dict(page.counts))
    counts.update(meeting.citizen_id for meeting in meetings)
    counts.update(item.citizen_id for item in due)
    counts.update(not_invited_counts(session, today, caseworker=caseworker))
    later = tuple(upcoming_not_invited(session, today, caseworker=caseworker)) if rest or len(page.items) < limit else ()
    return AgendaPage(today, page.items, page.counts, tuple(counts.items()),
                      Agenda(day=today, meetings=meetings, overdue=(), due=due, not_invited=later))
