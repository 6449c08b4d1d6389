"""The planner's input from the database: who needs a meeting by when, and what is already
in the calendar.

Read from the obligations model (store.obligations): the meeting-type kinds `next_meeting`,
`first_period` and `three_party`, with their due dates and the booked meeting the model
already finds for each. The planner plans what the overview says is owed, by the same dates.

- The next meeting and the first period fold into one need per citizen (one held meeting
  serves both), with the earlier date. The first period's date is its *pace*: the next meeting
  early enough that the meetings still owed fit in what is left of the period.
- The first period may owe more than one meeting inside the window (meetings still owed and
  only weeks of the period left). Each further one is a need of its own (`seq` 1, 2, ...) in a window of its own:
  from the day after the previous one's deadline to the deadline the rules would give if the
  previous meeting were held as early as it can be. Since a later held meeting only moves the
  next deadline later, a meeting placed in its window is in time however the earlier ones
  fall, and the windows keep the citizen's meetings on different days (meetings on one day
  count once) and in order. A citizen already behind the pace gets the next meeting as soon
  as may be, and the rest when the plan is made again after it.
- A need is *booked* when the model's booked meeting falls on or before its date (a further
  first-period meeting: when as many planned days fall on or before its date as its place in
  line), or, for a date that can no longer be met, when any meeting is planned. Booked needs
  are not planned again."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Absence as AbsenceRow
from store.db.models import Citizen, Meeting
from store.obligations import Obligation, obligations
from store.obligations.model import KINDS as OBLIGATION_KINDS
from store.planning.model import KINDS, Absence, Busy, Need
from store.queries.common import active_citizens
from store.rules import Interval, citizen_next_meeting

DEFAULT_MINUTES = 60
ONE_DAY = timedelta(days=1)


def horizon(last: date, notice_days: int, is_open: Callable[[date], bool]) -> date:
    """The end of the window plus the notice: a deadline just after the window still has to
    be invited inside it."""
    day, left = last, notice_days
    while left > 0:
        day += timedelta(days=1)
        if is_open(day):
            left -= 1
    return day


def _planned_days(session: Session, ids: list[int], today: date) -> dict[int, list[date]]:
    """Each citizen's planned meeting days from today on, distinct and in order."""
    out: dict[int, set[date]] = defaultdict(set)
    stmt = select(Meeting.citizen_id, Meeting.day).where(
        Meeting.citizen_id.in_(ids), Meeting.status == "planned", Meeting.day >= today
    )
    for cid, day in session.execute(stmt):
        out[cid].add(day)
    return {cid: sorted(days) for cid, days in out.items()}


def _booked(item: Obligation, reachable: date) -> bool:
    # A date out of reach is met as well as it can be by any meeting already planned: the
    # earliest one the plan could offer would be no better than the one in the calendar.
    return item.planned is not None and (item.planned.date() <= item.due or item.due < reachable)


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


def _held(session: Session, ids: list[int]) -> dict[int, list[date]]:
    out: dict[int, list[date]] = defaultdict(list)
    for cid, day in session.execute(
        select(Meeting.citizen_id, Meeting.day).where(Meeting.citizen_id.in_(ids), Meeting.status == "held")
    ):
        out[cid].append(day)
    return out


def further_windows(
    first_request: date, held: list[date], interval: str | None, absences: tuple[Absence, ...], *,
    owed: int, first_due: date, lowest: date, until: date,
) -> list[tuple[date, date]]:
    """The windows (first day, deadline) of the further meetings the first period owes after
    the next one (due `first_due`), as far as their deadlines reach `until`. `lowest` is the
    earliest day the next meeting can be held. Each deadline is the citizen's next-meeting
    deadline by the rules (the pace and the interval, absences included) had the previous
    meeting been held on the first day it may be: the latest deadline that holds wherever in
    its window the previous one falls."""
    parsed = Interval.parse(interval) if interval else None
    paused = [(a.first, a.last) for a in absences]
    assumed = list(held)
    windows: list[tuple[date, date]] = []
    previous_due, previous_lowest = first_due, lowest
    for _ in range(owed - 1):
        assumed.append(previous_lowest)
        due = citizen_next_meeting(first_request, sorted(assumed), parsed, paused).due
        first = previous_due + ONE_DAY
        if due < first or due > until:
            break
        windows.append((first, due))
        previous_due, previous_lowest = due, first
    return windows


def load_needs(
    session: Session, *, today: date, until: date, caseworker: str | None, reachable: date | None = None
) -> tuple[Need, ...]:
    """Every unbooked meeting-type need of the active caseload due on or before `until`, from
    the obligations model. `reachable` is the first day a new meeting could be held (the
    notice): a deadline before it counts as booked by any planned meeting."""
    reachable = reachable or today
    items = obligations(session, today, until=until, caseworker=caseworker, kinds=KINDS)
    ids = sorted({i.citizen_id for i in items if i.citizen_id is not None})
    if not ids:
        return ()
    citizens = {
        row.id: row for row in session.execute(
            select(Citizen.id, Citizen.preferred_place, Citizen.first_request, Citizen.interval)
            .where(Citizen.id.in_(ids))
        )
    }
    minutes = _usual_minutes(session, ids)
    absences = _absences(session, ids, today)

    def need(item: Obligation, cid: int) -> Need:
        course = item.ref_id if item.kind == "three_party" else None
        return Need(
            citizen_id=cid, name=item.name, cpr=item.cpr, kind=item.kind, deadline=item.due,
            place="supplier" if course is not None else (citizens[cid].preferred_place or "jobcentre"),
            minutes=minutes.get(cid, DEFAULT_MINUTES), absences=absences.get(cid, ()), course_id=course,
        )

    # Date order, the next meeting before the first period on the same day (it is the one
    # the overview shows first): the first unbooked need of a slot is its earliest.
    ordered = sorted(items, key=lambda i: (i.due, OBLIGATION_KINDS.index(i.kind), i.ref_id))
    chosen: dict[tuple[int, int | None], Need] = {}
    periods: dict[int, tuple[Obligation, Need]] = {}
    for item in ordered:
        cid = item.citizen_id
        if cid is None:
            continue
        if item.kind == "first_period":
            periods[cid] = (item, need(item, cid))
        slot = (cid, item.ref_id if item.kind == "three_party" else None)
        if slot not in chosen and not _booked(item, reachable):
            chosen[slot] = need(item, cid)
    found = list(chosen.values())
    owing = {cid: pair for cid, pair in periods.items() if int(pair[0].args().get("owed", "1")) > 1}
    if owing:
        held = _held(session, sorted(owing))
        planned = _planned_days(session, sorted(owing), today)
        for cid, (item, first) in owing.items():
            next_one = chosen.get((cid, None))
            first_due = min(item.due, next_one.deadline) if next_one is not None else item.due
            found += _further(first, item, citizens[cid].first_request, citizens[cid].interval, held.get(cid, []),
                              planned.get(cid, []), first_due=first_due, until=until, reachable=reachable)
    return tuple(sorted(found, key=lambda n: (n.deadline, n.name, n.key)))


def _further(
    template: Need, item: Obligation, first_request: date, interval: str | None, held: list[date],
    planned: list[date], *, first_due: date, until: date, reachable: date,
) -> list[Need]:
    """One citizen's further first-period meetings inside the window (see the module's note)."""
    if first_due < reachable:
        return []  # behind already: the next meeting as soon as may be, the rest after it
    # The earliest the next meeting can be held: the first bookable day, or a meeting already
    # planned before it; never on or before the last held meeting.
    lowest = min([reachable, *planned[:1]])
    if held and lowest <= max(held):
        lowest = max(held) + ONE_DAY
    windows = further_windows(first_request, held, interval, template.absences, owed=int(item.args()["owed"]),
                              first_due=first_due, lowest=lowest, until=until)
    out = []
    for seq, (first, due) in enumerate(windows, start=1):
        if len([day for day in planned if day <= due]) > seq:
            continue  # booked: enough planned days in time for this one and those before it
        out.append(dataclasses.replace(template, deadline=due, earliest=first, seq=seq))
    return out


def load_busy(session: Session, *, first: date, last: date, caseworker: str | None) -> tuple[Busy, ...]:
    """The caseworker's calendar in the window: every planned or held meeting."""
    stmt = active_citizens(
        select(Meeting.start, Meeting.minutes, Meeting.place).join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day >= first, Meeting.day <= last, Meeting.status.in_(("planned", "held"))),
        caseworker,
    ).order_by(Meeting.start)
    return tuple(Busy(start, minutes, place) for start, minutes, place in session.execute(stmt))


