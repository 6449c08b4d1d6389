from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import (
    Interval,
    course_ending_without_next_step,
    expected_report_dates,
    missing_reports,
    three_party_due,
)
from tests.rules.helpers import d, fixed, lab

MONTHLY = Interval(months=1)


def dates(*texts: str) -> list[date]:
    return [d(t) for t in texts]


@pytest.mark.parametrize(
    ("start", "end", "cadence", "until", "expected"),
    [
        # From the start each time: the 31st is kept where the month has one.
        ("2026-01-31", "2026-06-30", MONTHLY, "2026-12-31",
         dates("2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30")),
        ("2026-01-31", "2026-06-30", MONTHLY, "2026-04-29", dates("2026-02-28", "2026-03-31")),
        ("2026-01-05", "2026-04-01", Interval(weeks=6), "2026-12-31", dates("2026-02-16", "2026-03-30")),
        ("2027-11-30", "2028-06-01", Interval(months=3), "2030-01-01", dates("2028-02-29", "2028-05-30")),
        ("2026-01-05", "2026-02-04", MONTHLY, "2026-12-31", []),
        ("2026-01-05", None, MONTHLY, "2026-03-05", dates("2026-02-05", "2026-03-05")),
    ],
)
def test_expected_report_dates(start: str, end: str | None, cadence: Interval, until: str, expected: list[date]) -> None:
    assert expected_report_dates(d(start), d(end) if end else None, cadence, d(until)) == expected


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)),
    st.integers(1, 400),
    st.integers(1, 3),
)
def test_monthly_reports_do_not_drift(start: date, length: int, months: int) -> None:
    end = start + timedelta(days=length)
    result = expected_report_dates(start, end, Interval(months=months), end)
    assert result == sorted(set(result))
    assert all(start < day <= end for day in result)
    assert all(day.day == start.day or day.day < start.day and (day + timedelta(days=1)).day == 1 for day in result)
    # One more would be past the end.
    assert Interval(months=months).add_to(start, times=len(result) + 1) > end


EXPECTED = dates("2026-02-28", "2026-03-31", "2026-04-30")


@pytest.mark.parametrize(
    ("received", "today", "missing"),
    [
        ([], "2026-03-07", []),  # 28 Feb + 7 days grace is 7 March: not yet missing
        ([], "2026-03-08", dates("2026-02-28")),
        ([], "2026-05-15", EXPECTED),
        (dates("2026-03-01"), "2026-05-15", dates("2026-03-31", "2026-04-30")),
        (dates("2026-02-01", "2026-02-02"), "2026-04-10", []),  # early reports count
        (dates("2026-02-01", "2026-02-02"), "2026-05-08", dates("2026-04-30")),
        (dates("2026-03-20"), "2026-03-25", []),  # a late report clears the gap
        (dates("2026-12-01"), "2026-03-08", dates("2026-02-28")),  # dated after today: ignored
        (dates("2026-02-20", "2026-03-30", "2026-04-29"), "2026-12-31", []),
    ],
)
def test_missing_reports(received: list[date], today: str, missing: list[date]) -> None:
    assert missing_reports(EXPECTED, received, d(today), 7) == missing


def test_grace_days_are_a_parameter() -> None:
    assert missing_reports(EXPECTED, [], d("2026-03-01"), 0) == dates("2026-02-28")
    assert missing_reports(EXPECTED, [], d("2026-03-08"), 14) == []


@pytest.mark.parametrize(
    ("end", "has_next_step", "flag"),
    [
        ("2026-12-07", False, True),  # 14 days left: inclusive
        ("2026-12-08", False, False),  # 15 days left
        ("2026-11-23", False, True),  # ends today
        ("2026-11-01", False, True),  # ended, still running, nothing next
        ("2026-12-01", True, False),
        ("2026-11-01", True, False),
    ],
)
def test_course_ending_without_next_step(end: str, has_next_step: bool, flag: bool) -> None:
    assert course_ending_without_next_step(d(end), has_next_step, d("2026-11-23"), lab()) is flag


def test_course_ending_days_come_from_the_profile() -> None:
    assert course_ending_without_next_step(d("2026-12-08"), False, d("2026-11-23"), lab(course_ending_days=15))


@pytest.mark.parametrize(
    ("last", "start", "interval", "due"),
    [
        # Never held: course start + the default 3 months = Easter Sunday 2026 -> 1 April.
        (None, "2026-01-05", None, "2026-04-01"),
        ("2026-02-10", "2026-01-05", Interval(weeks=6), "2026-03-24"),
        ("2026-09-24", "2026-01-05", None, "2026-12-23"),
        (None, "2026-01-05", Interval(weeks=2), "2026-01-19"),
    ],
)
def test_three_party_due(last: str | None, start: str, interval: Interval | None, due: str) -> None:
    assert three_party_due(d(last) if last else None, d(start), interval) == d(due)


def test_three_party_default_comes_from_the_profile() -> None:
    profile = lab(three_party_default_interval=Interval(weeks=4))
    assert three_party_due(None, d("2026-01-05"), None, profile_lookup=fixed(profile)) == d("2026-02-02")
