"""The planner's input from the database: who needs a meeting by when, and who is booked."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from store.clock import Clock
from store.commands import citizens, courses, journal_entries, meetings
from store.db.session import reading
from store.facade import Store
from store.planning.needs import load_busy, load_needs

TODAY = date(2026, 11, 23)


@pytest.fixture
def store(empty_db, clock):  # type: ignore[no-untyped-def]
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()


def _citizen(store: Store, n: int, name: str, **kw) -> int:  # type: ignore[no-untyped-def]
    cpr = f"01019{n}-123{n}"
    return store.execute(citizens.CreateCitizen(cpr=cpr, name=name, first_request=kw.pop("first_request", date(2026, 1, 5)), **kw)).value


def _held(store: Store, cid: int, day: date, minutes: int = 60) -> None:
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime.combine(day, datetime.min.time()).replace(hour=10),
                    minutes=minutes)).value
    store.execute(meetings.MarkHeld(meeting_id=mid))


def test_needs_booking_place_length_absence_and_three_party(store: Store) -> None:
    _citizen(store, 1, "Ny Borger", first_request=date(2026, 11, 20))  # first meeting by 27-11
    home = _citizen(store, 2, "Hjemme Borger", preferred_place="home")
    _held(store, home, date(2026, 9, 1), minutes=45)  # due 01-12
    booked = _citizen(store, 3, "Booket Borger")
    _held(store, booked, date(2026, 9, 1))
    store.execute(meetings.PlanMeeting(citizen_id=booked, start=datetime(2026, 11, 30, 9), minutes=60))
    late = _citizen(store, 4, "Sen Borger")
    _held(store, late, date(2026, 9, 1))
    store.execute(meetings.PlanMeeting(citizen_id=late, start=datetime(2026, 12, 10, 9), minutes=60))  # after the deadline
    away = _citizen(store, 5, "Syg Borger")
    _held(store, away, date(2026, 9, 2))
    store.execute(journal_entries.AddAbsence(citizen_id=away, kind="sickness", first_day=date(2026, 12, 7),
              last_day=date(2026, 12, 18)))
    course = _citizen(store, 6, "Forløb Borger")
    _held(store, course, date(2026, 10, 1))
    course_id = store.execute(courses.OrderCourse(citizen_id=course, supplier="Job & Co", title="Praktik",
                          start=date(2026, 11, 1), end=date(2027, 3, 1), three_party_interval="4w")).value
    with reading(store.engine) as s:
        needs = {n.name: n for n in load_needs(s, today=TODAY, until=date(2026, 12, 9), caseworker=None)}
        busy = load_busy(s, first=TODAY, last=date(2026, 12, 20), caseworker=None)
    assert set(needs) == {"Ny Borger", "Hjemme Borger", "Sen Borger", "Syg Borger", "Forløb Borger"}
    assert (needs["Ny Borger"].kind, needs["Ny Borger"].deadline, needs["Ny Borger"].minutes) == \
        ("next_meeting", date(2026, 11, 27), 60)
    assert (needs["Hjemme Borger"].place, needs["Hjemme Borger"].minutes) == ("home", 45)
    assert needs["Syg Borger"].absences[0].last == date(2026, 12, 18)
    three = needs["Forløb Borger"]
    assert (three.kind, three.course_id, three.place) == ("three_party", course_id, "supplier")
    assert len(busy) == 2  # the two planned meetings in the window


def test_a_citizen_of_another_caseworker_is_not_planned(store: Store) -> None:
    colleague = Store(store.engine, clock=store.clock, caseworker="xyz")
    _citizen(colleague, 1, "Anden Borger", first_request=date(2026, 11, 20))
    with reading(store.engine) as s:
        assert load_needs(s, today=TODAY, until=date(2026, 12, 9), caseworker="kmj") == ()


def test_the_first_period_pace_and_every_further_meeting_owed_in_the_window(store: Store) -> None:
    # First request Mon 15 Jun 2026: the period runs to Mon 14 Dec. Two held (the last Wed 18
    # Nov), two owed: the pace puts the next by 18-11 + 26 // 2 days = Tue 1 Dec (the old
    # planner aimed at the period's end); if that one is held as early as it can be (Wed 25
    # Nov, after two days' notice), the last is due by the period's end, 14 Dec. So two
    # needs: by 1 Dec, and from 2 Dec to 14 Dec (different days, in order).
    cid = _citizen(store, 1, "Tempo Borger", first_request=date(2026, 6, 15))
    _held(store, cid, date(2026, 6, 18))
    _held(store, cid, date(2026, 11, 18))
    with reading(store.engine) as s:
        needs = load_needs(s, today=TODAY, until=date(2026, 12, 16), caseworker=None, reachable=date(2026, 11, 25))
    assert [(n.kind, n.deadline, n.earliest, n.seq) for n in needs] == [
        ("next_meeting", date(2026, 12, 1), None, 0),  # its deadline is the pace (reason first_period)
        ("first_period", date(2026, 12, 14), date(2026, 12, 2), 1),
    ]
    # A two-week window reaches only the first.
    with reading(store.engine) as s:
        assert len(load_needs(s, today=TODAY, until=date(2026, 12, 9), caseworker=None)) == 1
    # One planned meeting in time books the first; the second is still owed.
    store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 27, 9), minutes=60))
    with reading(store.engine) as s:
        needs = load_needs(s, today=TODAY, until=date(2026, 12, 16), caseworker=None, reachable=date(2026, 11, 25))
    assert [(n.deadline, n.seq) for n in needs] == [(date(2026, 12, 14), 1)]
    # Two planned days in time book both.
    store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 12, 8, 9), minutes=60))
    with reading(store.engine) as s:
        assert load_needs(s, today=TODAY, until=date(2026, 12, 16), caseworker=None, reachable=date(2026, 11, 25)) == ()


def test_accepting_a_plan_books_every_first_period_meeting_it_proposed(store: Store) -> None:
    from store.commands.planning import AcceptPlan
    from store.obligations import obligations
    from store.planning.service import plan_for

    cid = _citizen(store, 1, "Tempo Borger", first_request=date(2026, 6, 15))
    _held(store, cid, date(2026, 6, 18))
    _held(store, cid, date(2026, 11, 18))
    plan = plan_for(store, weeks=3)
    mine = [p for p in plan.proposals if p.need.citizen_id == cid]
    assert [(p.need.kind, p.need.seq) for p in mine] == [("next_meeting", 0), ("first_period", 1)]
    first, second = (p.start.date() for p in mine)
    assert first <= date(2026, 12, 1) and date(2026, 12, 2) <= second <= date(2026, 12, 14)
    store.execute(AcceptPlan(proposals=plan.proposals))
    assert not [p for p in plan_for(store, weeks=3).proposals if p.need.citizen_id == cid]
    # Held as planned, the model agrees: after the first, the pace is met by the second.
    store.clock = Clock(first)
    mid = next(m.id for m in store.citizen_file(cid).meetings if m.start.date() == first)
    store.execute(meetings.MarkHeld(meeting_id=mid))
    with reading(store.engine) as s:
        pace = [o for o in obligations(s, first, citizen_id=cid) if o.kind in ("next_meeting", "first_period")]
    assert pace and all(o.planned is not None and o.planned.date() == second and not o.booked_late for o in pace)
