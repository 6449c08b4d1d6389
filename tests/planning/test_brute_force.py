"""The planner leaves as few citizens late as an exhaustive search does, on small caseloads
where every meeting has one length and one place (the case the planner is exact for: see
store/planning/planner.py). Absences, closed days, existing meetings, several blocks, the
notice, alternating weeks and needs with a window (`earliest`) are all in play."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from store.planning import PlanRequest, make_plan
from store.planning.days import clashes
from store.planning.planner import first_bookable
from tests.planning.strategies import TODAY, busy, is_open, needs, templates


def candidates(req: PlanRequest, need, first: date) -> list[datetime]:  # type: ignore[no-untyped-def]
    out = []
    day = max(first, need.earliest or first)
    while day <= min(req.last, need.deadline):
        if is_open(day) and not any(a.first <= day <= a.last for a in need.absences):
            for block in req.template.blocks(day):
                start = datetime.combine(day, block.start)
                while start + timedelta(minutes=need.minutes) <= datetime.combine(day, block.end):
                    out.append(start)
                    start += timedelta(minutes=req.step_minutes)
        day += timedelta(days=1)
    return out


def most_on_time(req: PlanRequest) -> int:
    """Every way of giving each timely citizen one of their possible starts, or none."""
    first = first_bookable(req)
    timely = [n for n in req.needs if n.deadline >= first]
    options = [candidates(req, n, first) for n in timely]
    fixed = [(b.start, b.end, b.place) for b in req.busy]
    buffer = timedelta(minutes=req.buffer_minutes)
    best = 0

    def search(i: int, taken: list, placed: int) -> None:
        nonlocal best
        best = max(best, placed)
        if i == len(timely) or placed + len(timely) - i <= best:
            return
        need = timely[i]
        for start in options[i]:
            end = start + timedelta(minutes=need.minutes)
            if not clashes(start, end, need.place, taken, buffer):
                search(i + 1, [*taken, (start, end, need.place)], placed + 1)
        search(i + 1, taken, placed)

    search(0, fixed, 0)
    return len(timely) - best


def planner_late(req: PlanRequest) -> int:
    plan = make_plan(req)
    first = first_bookable(req)
    timely = [n for n in req.needs if n.deadline >= first]
    on_time = [p for p in plan.proposals if p.need.deadline >= first and p.start.date() <= p.need.deadline]
    return len(timely) - len(on_time)


@st.composite
def small(draw) -> PlanRequest:  # type: ignore[no-untyped-def]
    minutes = draw(st.sampled_from([30, 60]))
    return PlanRequest(
        today=TODAY, needs=draw(needs(count=draw(st.integers(1, 7)), lengths=(minutes,), places=("jobcentre",),
                                      horizon=14)),
        template=draw(templates()), is_open=is_open, weeks=draw(st.integers(1, 2)),
        notice_days=draw(st.integers(0, 2)), buffer_minutes=15, busy=draw(busy(horizon=14)), step_minutes=30,
    )


@settings(max_examples=300, deadline=None)
@given(small())
def test_as_few_late_citizens_as_brute_force(req: PlanRequest) -> None:
    assert planner_late(req) == most_on_time(req)
