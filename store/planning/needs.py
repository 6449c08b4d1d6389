"""The planner's input from the database: who needs a meeting by when, and what is already
in the calendar.

Built on today's queries (the stored next-meeting deadline, the first-period count and the
courses' three-party deadlines, all through store.queries.due) and kept apart on purpose: when
the obligations model arrives this is the one module that changes.

A need is *booked* when a planned meeting falls between today and its deadline (for the first
period: as many planned meetings in the period as are still owed; for a three-party meeting:
one linked to the course), or, for a deadline that can no longer be met, when any meeting is
planned. Booked needs are not planned again."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Absence as AbsenceRow
from store.db.models import Citizen, Meeting
from store.planning.model import Absence, Busy, Need
from store.queries.common import active_citizens
from store.queries.due import due_items

DUE_KINDS = {"meeting_deadline": "next_meeting", "first_period": "first_period", "three_party": "three_party"}
DEFAULT_MINUTES = 60


def horizon(last: date, notice_days: int, is_open: Callable[[date], bool]) -> date:
    """The end of the window plus the notice: a deadline just after the window still has to
    be invited inside it."""
    day, left = last, notice_days
    while left > 0:
        day += timedelta(days=1)
        if is_open(day):
            left -= 1
    return day


def _planned(session: Session, ids: list[int], today: date) -> dict[int, list[tuple[date, int | None]]]:
    out: dict[int, list[tuple[date, int | None]]] = defaultdict(list)
    stmt = select(Meeting.citizen_id, Meeting.day, Meeting.course_id).where(
        Meeting.citizen_id.in_(ids), Meeting.status == "planned", Meeting.day >= today
    )
    for cid, day, course in session.execute(stmt):
        out[cid].append((day, course))
    return out


def _booked(
    kind: str, due: date, ref: int, detail: str, planned: list[tuple[date, int | None]], reachable: date
) -> bool:
    # A deadline out of reach is met as well as it can be by any meeting already planned: the
    # earliest one the plan could offer would be no better than the one in the calendar.
    in_time = [(day, course) for day, course in planned if day <= due or due < reachable]
    if kind == "three_party":
        return any(course == ref for _, course in in_time)
    if kind == "first_period":
        return len({day for day, _ in in_time}) >= int(detail or 1)
    return bool(in_time)


def _usual_minutes(session: Session, ids: list[int]) -> dict[int, int]:
    """The length of each citizen's last held meeting."""
    out: dict[int, tuple[datetime, int]] = {}
    stmt = select(Meeting.citizen_id, Meeting.start, Meeting.minutes).where(
        Meeting.citizen_id.in_(ids), Meeting.status == "held"
    )
    for cid, start, minutes in session.execute(stmt):
        if cid not in out or start > out[cid][0]:
            out[cid] = (start, minutes)
    return {cid: minutes for cid, (_, minutes) in out.items()}


def _absences(session: Session, ids: list[int], since: date) -> dict[int, tuple[Absence, ...]]:
    out: dict[int, list[Absence]] = defaultdict(list)
    stmt = select(AbsenceRow.citizen_id, AbsenceRow.first_day, AbsenceRow.last_day, AbsenceRow.kind).where(
        AbsenceRow.citizen_id.in_(ids), AbsenceRow.last_day >= since
    )
    for cid, first, last, kind in session.execute(stmt):
        out[cid].append(Absence(first, last, kind))
    return {cid: tuple(sorted(a, key=lambda x: x.first)) for cid, a in out.items()}


def load_needs(
    session: Session, *, today: date, until: date, caseworker: str | None, reachable: date | None = None
) -> tuple[Need, ...]:
    """Every unbooked meeting-type need of the active caseload due on or before `until`. The
    next meeting and the first period fold into one need per citizen (one held meeting serves
    both), with the earlier deadline; each course's three-party meeting is its own need.
    `reachable` is the first day a new meeting could be held (the notice): a deadline before it
    counts as booked by any planned meeting."""
    reachable = reachable or today
    items = due_items(session, today, until=until, caseworker=caseworker, kinds=tuple(DUE_KINDS))
    ids = sorted({i.citizen_id for i in items if i.citizen_id is not None})
    if not ids:
        return ()
    planned = _planned(session, ids, today)
    places = dict(session.execute(select(Citizen.id, Citizen.preferred_place).where(Citizen.id.in_(ids))).all())
    minutes = _usual_minutes(session, ids)
    absences = _absences(session, ids, today)
    chosen: dict[tuple[int, int | None], Need] = {}
    for item in items:
        cid = item.citizen_id
        if cid is None or _booked(item.kind, item.due, item.ref_id, item.detail, planned.get(cid, []), reachable):
            continue
        kind = DUE_KINDS[item.kind]
        course = item.ref_id if kind == "three_party" else None
        need = Need(
            citizen_id=cid, name=item.citizen_name, cpr=item.cpr, kind=kind, deadline=item.due,
            place="supplier" if course is not None else (places.get(cid) or "jobcentre"),
            minutes=minutes.get(cid, DEFAULT_MINUTES), absences=absences.get(cid, ()), course_id=course,
        )
        slot = (cid, course)
        if slot not in chosen or need.deadline < chosen[slot].deadline:
            chosen[slot] = need
    return tuple(sorted(chosen.values(), key=lambda n: (n.deadline, n.name, n.key)))


def load_busy(session: Session, *, first: date, last: date, caseworker: str | None) -> tuple[Busy, ...]:
    """The caseworker's calendar in the window: every planned or held meeting."""
    stmt = active_citizens(
        select(Meeting.start, Meeting.minutes, Meeting.place).join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day >= first, Meeting.day <= last, Meeting.status.in_(("planned", "held"))),
        caseworker,
    ).order_by(Meeting.start)
    return tuple(Busy(start, minutes, place) for start, minutes, place in session.execute(stmt))


