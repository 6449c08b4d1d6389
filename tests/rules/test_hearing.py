from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import hearing_reply_due, is_open_day, profile_for, sanction_decision_due
from tests.rules.helpers import d, lab


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        ("2026-03-02", "2026-03-16"),
        ("2026-03-23", "2026-04-06"),  # 2. påskedag: the citizen's deadline is not shortened
    ],
)
def test_hearing_reply_due(sent: str, due: str) -> None:
    assert hearing_reply_due(d(sent), lab()) == d(due)


def test_hearing_reply_days_come_from_the_profile() -> None:
    assert hearing_reply_due(d("2026-03-02"), lab(hearing_reply_days=8)) == d("2026-03-10")


@pytest.mark.parametrize(
    ("failure", "due"),
    [
        ("2026-01-15", "2026-04-30"),  # Feb, Mar, Apr are the three whole months
        ("2026-01-31", "2026-04-30"),
        ("2026-01-01", "2026-04-30"),
        ("2026-02-14", "2026-05-29"),  # 31 May is a Sunday
        ("2025-11-30", "2026-02-27"),  # 28 Feb is a Saturday
        ("2026-09-10", "2026-12-30"),  # 31 Dec is closed
        ("2027-10-05", "2028-01-31"),  # across the year end
        ("2027-11-15", "2028-02-29"),  # leap day, a Tuesday
    ],
)
def test_sanction_decision_due(failure: str, due: str) -> None:
    assert sanction_decision_due(d(failure), profile_for(d(failure))) == d(due)


def test_full_months_come_from_the_profile() -> None:
    assert sanction_decision_due(d("2026-01-15"), lab(sanction_decision_full_months=1)) == d("2026-02-27")


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)))
def test_decision_due_lies_in_the_third_month_after(failure: date) -> None:
    due = sanction_decision_due(failure, lab())
    months_after = (due.year - failure.year) * 12 + due.month - failure.month
    assert months_after == 3
    assert is_open_day(due, lab())
    # Nothing open between the deadline and the month's end.
    day = due + timedelta(days=1)
    while day.month == due.month:
        assert not is_open_day(day, lab())
        day += timedelta(days=1)
