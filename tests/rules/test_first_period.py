from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import first_period_status
from tests.rules.helpers import d, fixed, lab


def test_counts_held_meetings_inside_the_period() -> None:
    held = [
        d("2025-12-01"),  # before the first request: not in the period
        d("2026-01-05"),  # on the first request day: counts
        d("2026-02-10"),
        d("2026-02-10"),  # the same day twice counts once
        d("2026-07-04"),  # the period's last day (a Saturday) still counts
        d("2026-07-05"),  # first request + 6 months: outside
    ]
    period = first_period_status(d("2026-01-05"), held)
    assert period is not None
    assert period.period_start == d("2026-01-05")
    assert period.held_in_period == 3
    assert (period.required, period.owed) == (4, 1)
    # The last day is Saturday 4 July; the deadline to meet is Friday 3 July.
    assert period.period_end == d("2026-07-03")


@pytest.mark.parametrize(
    ("first_request", "period_end"),
    [
        ("2026-01-01", "2026-06-30"),  # last day 30 June, a Tuesday
        ("2025-08-31", "2026-02-27"),  # + 6m = 28 Feb; last day 27 Feb, a Friday
        ("2025-12-07", "2026-06-04"),  # last day 6 June is a Saturday; 5 June is closed
        ("2027-06-25", "2027-12-23"),  # last day 24 Dec
        ("2027-09-01", "2028-02-29"),  # leap day
    ],
)
def test_period_end(first_request: str, period_end: str) -> None:
    period = first_period_status(d(first_request), [])
    assert period is not None
    assert period.period_end == d(period_end)
    assert (period.held_in_period, period.owed) == (0, 4)


def test_owed_is_never_negative() -> None:
    held = [d("2026-01-05") + timedelta(weeks=n) for n in range(6)]
    period = first_period_status(d("2026-01-05"), held)
    assert period is not None
    assert (period.held_in_period, period.owed) == (6, 0)


def test_none_when_the_profile_sets_no_minimum() -> None:
    assert first_period_status(d("2026-01-05"), [], profile_lookup=fixed(lab(first_period_min_meetings=0))) is None


def test_numbers_come_from_the_profile() -> None:
    profile = lab(first_period_months=3, first_period_min_meetings=2)
    period = first_period_status(d("2026-01-05"), [d("2026-03-01"), d("2026-04-05")], profile_lookup=fixed(profile))
    assert period is not None
    assert (period.period_end, period.held_in_period, period.owed) == (d("2026-04-01"), 1, 1)


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)),
    st.lists(st.integers(-100, 300), max_size=12),
)
def test_owed_plus_held_covers_the_requirement(first_request: date, offsets: list[int]) -> None:
    held = [first_request + timedelta(days=n) for n in offsets]
    period = first_period_status(first_request, held)
    assert period is not None
    assert period.owed == max(0, 4 - period.held_in_period)
    assert period.held_in_period <= len(set(held))
    assert first_request < period.period_end <= first_request + timedelta(days=184)
