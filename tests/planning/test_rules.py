"""Every proposal obeys every rule, on random caseloads and templates (property test), and
the rules one by one on cases a person can read."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings

from store.planning import Absence, Busy, Need, PlanRequest, WeekTemplate, make_plan
from store.planning.days import clashes
from store.planning.planner import first_bookable
from tests.planning.strategies import TODAY, is_open, requests


def _spans(plan, busy, skip=None):  # type: ignore[no-untyped-def]
    spans = [(b.start, b.end, b.place) for b in busy]
    spans += [(p.start, p.end, p.place) for p in plan.proposals if p is not skip]
    return spans


def _in_block(req: PlanRequest, start: datetime, minutes: int) -> bool:
    end = start + timedelta(minutes=minutes)
    return any(
        datetime.combine(start.date(), b.start) <= start and end <= datetime.combine(start.date(), b.end)
        for b in req.template.blocks(start.date())
    )


def _could_go(req: PlanRequest, plan, proposal, day: date) -> bool:  # type: ignore[no-untyped-def]
    """Could this proposal's meeting be put on `day` into the final calendar as it stands?"""
    need = proposal.need
    if not is_open(day) or (need.earliest is not None and day < need.earliest) or any(a.first <= day <= a.last for a in need.absences):
        return False
    taken = _spans(plan, req.busy, skip=proposal)
    for block in req.template.blocks(day):
        start = datetime.combine(day, block.start)
        while start + timedelta(minutes=need.minutes) <= datetime.combine(day, block.end):
            if not clashes(start, start + timedelta(minutes=need.minutes), need.place, taken,
                           timedelta(minutes=req.buffer_minutes)):
                return True
            start += timedelta(minutes=req.step_minutes)
    return False


@settings(max_examples=300, deadline=None)
@given(requests())
def test_every_proposal_obeys_every_rule(req: PlanRequest) -> None:
    plan = make_plan(req)
    first = first_bookable(req)
    buffer = timedelta(minutes=req.buffer_minutes)
    for p in plan.proposals:
        day, need = p.start.date(), p.need
        assert is_open(day), "an open day"
        assert _in_block(req, p.start, p.minutes), "inside a template block"
        assert first <= day <= req.last, "after the notice, inside the window"
        assert not any(a.first <= day <= a.last for a in need.absences), "not while the citizen is away"
        assert need.earliest is None or day >= need.earliest, "not before its window"
        assert not clashes(p.start, p.end, p.place, _spans(plan, req.busy, skip=p), buffer), \
            "no overlap with any meeting, buffer between places"
        assert (p.place, p.minutes) == (need.place, need.minutes), "preferred place and usual length"
        if need.deadline >= first:
            assert day <= need.deadline, "on or before the deadline"
        else:
            earlier = [first + timedelta(days=i) for i in range((day - first).days)]
            assert not any(_could_go(req, plan, p, d) for d in earlier), "overdue: as early as possible"
    keys = [p.need.key for p in plan.proposals] + [u.need.key for u in plan.unplaced]
    assert sorted(keys) == sorted({n.key for n in req.needs}), "every citizen is proposed or left out, once"
    for u in plan.unplaced:
        assert u.why.code in ("no_slot_before", "absent_until", "no_slot_in_window")


def _need(cid: int, deadline: date, **kw) -> Need:  # type: ignore[no-untyped-def]
    return Need(citizen_id=cid, name=f"B{cid}", cpr="010190-1234", kind="next_meeting", deadline=deadline, **kw)


def test_notice_of_two_working_days_and_the_default_template() -> None:
    plan = make_plan(PlanRequest(today=TODAY, needs=(_need(1, date(2026, 12, 4)),)))
    # Invited Monday 23 November: Wednesday 25 at 09:00 at the earliest.
    assert plan.proposals[0].start == datetime(2026, 11, 25, 9, 0)


def test_fridays_are_free_and_the_deadline_is_kept() -> None:
    # Only Friday 27 and the next week are left before the deadline on Monday 30: Monday it is.
    needs = (_need(1, date(2026, 11, 30)),)
    plan = make_plan(PlanRequest(today=TODAY, needs=needs, start=date(2026, 11, 27)))
    assert plan.proposals[0].start == datetime(2026, 11, 30, 9, 0)


def test_an_absent_citizen_is_left_out_with_the_end_of_the_absence() -> None:
    needs = (_need(1, date(2026, 12, 4), absences=(Absence(date(2026, 11, 20), date(2026, 12, 18), "sickness"),)),)
    plan = make_plan(PlanRequest(today=TODAY, needs=needs))
    assert plan.unplaced[0].why.code == "absent_until"
    assert plan.unplaced[0].why.values == {"until": date(2026, 12, 18), "kind": "sickness"}


def test_short_capacity_names_the_deadline_that_cannot_be_met() -> None:
    one_block = WeekTemplate.from_days({"wed": ["09:00-10:00"]})
    needs = (_need(1, date(2026, 11, 25)), _need(2, date(2026, 11, 25)))
    plan = make_plan(PlanRequest(today=TODAY, needs=needs, template=one_block))
    assert len(plan.proposals) == 1
    assert plan.unplaced[0].why.code == "no_slot_before"
    assert plan.unplaced[0].why.values == {"date": date(2026, 11, 25)}


def test_buffer_between_places_and_none_at_the_same_place() -> None:
    busy = (Busy(datetime(2026, 11, 25, 9, 0), 60, "home"),)
    same = make_plan(PlanRequest(today=TODAY, needs=(_need(1, date(2026, 12, 4), place="home"),), busy=busy))
    other = make_plan(PlanRequest(today=TODAY, needs=(_need(1, date(2026, 12, 4)),), busy=busy))
    assert same.proposals[0].start == datetime(2026, 11, 25, 10, 0)
    assert other.proposals[0].start == datetime(2026, 11, 25, 10, 15)


def test_an_earlier_deadline_is_moved_for_by_a_later_one() -> None:
    # Citizen 2 (deadline Thursday, first in line) takes Wednesday's only hour; citizen 1
    # (deadline Friday, away Thursday, Fridays free) can only come on Wednesday: the
    # augmenting path moves 2 to Thursday so both are on time.
    template = WeekTemplate.from_days({"wed": ["09:00-10:00"], "thu": ["09:00-10:00"]})
    away_thursday = (Absence(date(2026, 11, 26), date(2026, 11, 26)),)
    needs = (_need(2, date(2026, 11, 26)), _need(1, date(2026, 11, 27), absences=away_thursday))
    plan = make_plan(PlanRequest(today=TODAY, needs=needs, template=template))
    assert not plan.unplaced
    assert {p.need.citizen_id: p.start.day for p in plan.proposals} == {1: 25, 2: 26}


def test_alternating_weeks() -> None:
    template = WeekTemplate.from_days({"mon": ["09:00-12:00"]}, {"mon": ["13:00-15:00"]})
    # ISO week 49 (30 November) is odd: the first shape, the morning; week 50 the afternoon.
    assert [str(b) for b in template.blocks(date(2026, 11, 30))] == ["09:00-12:00"]
    assert [str(b) for b in template.blocks(date(2026, 12, 7))] == ["13:00-15:00"]
