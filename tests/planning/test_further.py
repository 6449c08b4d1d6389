"""Further first-period meetings: a meeting placed anywhere in its window is in time by the
rules, wherever in their windows the earlier meetings of the citizen were held (property)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from store.planning.model import Absence
from store.planning.needs import further_windows
from store.rules import Interval, citizen_next_meeting, first_period_pace


@st.composite
def cases(draw):  # type: ignore[no-untyped-def]
    first_request = date(2026, 1, 5) + timedelta(days=draw(st.integers(0, 500)))
    held = sorted({first_request + timedelta(days=draw(st.integers(0, 170))) for _ in range(draw(st.integers(0, 2)))})
    today = max([first_request, *held]) + timedelta(days=draw(st.integers(1, 60)))
    lowest = today + timedelta(days=draw(st.integers(0, 4)))
    interval = draw(st.sampled_from([None, "6w", "3m", "1m"]))
    absences = tuple(
        Absence(start, start + timedelta(days=draw(st.integers(0, 14))))
        for start in [today + timedelta(days=draw(st.integers(-5, 40))) for _ in range(draw(st.integers(0, 1)))]
    )
    picks = draw(st.lists(st.floats(0, 1), min_size=4, max_size=4))
    return first_request, held, today, lowest, interval, absences, picks


@settings(max_examples=300, deadline=None)
@given(cases())
def test_a_meeting_in_its_window_is_in_time_however_the_earlier_ones_fall(case) -> None:  # type: ignore[no-untyped-def]
    first_request, held, today, lowest, interval, absences, picks = case
    pace = first_period_pace(first_request, held)
    if pace is None or pace.due < lowest or today > pace.period_end:
        return
    parsed = Interval.parse(interval) if interval else None
    paused = [(a.first, a.last) for a in absences]
    first_due = min(pace.due, citizen_next_meeting(first_request, held, parsed, paused).due)
    if first_due < lowest:
        return
    windows = further_windows(first_request, held, interval, absences, owed=pace.owed, first_due=first_due,
                              lowest=lowest, until=today + timedelta(days=400))
    assert len(windows) <= pace.owed - 1
    bounds = [(lowest, first_due), *windows]
    # Hold each meeting somewhere in its window; the next window's meeting must then still be
    # on or before the deadline the rules give.
    done = list(held)
    for k, (first, last) in enumerate(bounds):
        day = first + timedelta(days=int(picks[k % 4] * (last - first).days))
        if k > 0:
            assert day <= citizen_next_meeting(first_request, sorted(done), parsed, paused).due
            assert day > done[-1]
        done.append(day)
