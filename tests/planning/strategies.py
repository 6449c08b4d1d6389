"""Random caseloads and week templates for the planner's tests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st

from store.planning import Absence, Block, Busy, Need, PlanRequest, WeekTemplate

TODAY = date(2026, 11, 23)  # a Monday
PLACES = ("jobcentre", "home", "supplier", "phone")
HOLIDAY = date(2026, 11, 26)  # a made-up closed Thursday, so closed days are in play


def is_open(day: date) -> bool:
    return day.weekday() < 5 and day != HOLIDAY


@st.composite
def blocks(draw) -> tuple[Block, ...]:  # type: ignore[no-untyped-def]
    count = draw(st.integers(0, 2))
    out, hour = [], draw(st.integers(8, 10))
    for _ in range(count):
        length = draw(st.sampled_from([60, 90, 120, 180]))
        start = time(hour, draw(st.sampled_from([0, 30])))
        end_minutes = start.hour * 60 + start.minute + length
        out.append(Block(start, time(end_minutes // 60, end_minutes % 60)))
        hour = end_minutes // 60 + 1
    return tuple(out)


@st.composite
def templates(draw) -> WeekTemplate:  # type: ignore[no-untyped-def]
    weeks = draw(st.integers(1, 2))
    return WeekTemplate(tuple(tuple(draw(blocks()) for _ in range(7)) for _ in range(weeks)))


@st.composite
def needs(draw, *, count: int, lengths=(30, 45, 60, 90), places=PLACES, horizon: int = 30):  # type: ignore[no-untyped-def]
    out = []
    for i in range(count):
        absences = []
        for _ in range(draw(st.integers(0, 1))):
            first = TODAY + timedelta(days=draw(st.integers(-5, horizon)))
            absences.append(Absence(first, first + timedelta(days=draw(st.integers(0, 10))),
                                    draw(st.sampled_from(["sickness", "holiday"]))))
        kind = draw(st.sampled_from(["next_meeting", "first_period", "three_party"]))
        deadline = TODAY + timedelta(days=draw(st.integers(-10, horizon)))
        # A further first-period meeting has a window: not before `earliest`.
        earliest = deadline - timedelta(days=draw(st.integers(0, 10))) if kind == "first_period" and draw(st.booleans()) else None
        out.append(Need(
            citizen_id=i + 1, name=f"Borger {i + 1}", cpr=f"0101{i % 100:02d}-1234", kind=kind,
            deadline=deadline, place=draw(st.sampled_from(places)), minutes=draw(st.sampled_from(lengths)),
            absences=tuple(absences), course_id=i if kind == "three_party" else None, earliest=earliest,
            seq=1 if earliest is not None else 0,
        ))
    return tuple(out)


@st.composite
def busy(draw, *, places=PLACES, lengths=(30, 60), horizon: int = 21) -> tuple[Busy, ...]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(draw(st.integers(0, 4))):
        day = TODAY + timedelta(days=draw(st.integers(0, horizon)))
        start = datetime.combine(day, time(draw(st.integers(8, 14)), draw(st.sampled_from([0, 30]))))
        out.append(Busy(start, draw(st.sampled_from(lengths)), draw(st.sampled_from(places))))
    return tuple(out)


@st.composite
def requests(draw) -> PlanRequest:  # type: ignore[no-untyped-def]
    return PlanRequest(
        today=TODAY, needs=draw(needs(count=draw(st.integers(0, 14)))), template=draw(templates()),
        is_open=is_open, start=TODAY + timedelta(days=draw(st.integers(0, 3))), weeks=draw(st.integers(1, 3)),
        notice_days=draw(st.integers(0, 3)), buffer_minutes=draw(st.sampled_from([0, 15, 30])),
        busy=draw(busy()), step_minutes=draw(st.sampled_from([15, 30])),
    )
