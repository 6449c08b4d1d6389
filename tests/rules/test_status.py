from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import Status, days_left, status_for, worst
from tests.rules.helpers import d, lab

TODAY = d("2026-11-23")


@pytest.mark.parametrize(
    ("due", "left", "status"),
    [
        ("2026-11-22", -1, Status.OVERDUE),
        ("2026-10-01", -53, Status.OVERDUE),
        ("2026-11-23", 0, Status.DUE_SOON),
        ("2026-11-30", 7, Status.DUE_SOON),
        ("2026-12-01", 8, Status.OK),
        ("2027-01-04", 42, Status.OK),
    ],
)
def test_status_for(due: str, left: int, status: Status) -> None:
    assert days_left(d(due), TODAY) == left
    assert status_for(d(due), TODAY, lab()) is status


def test_due_soon_days_come_from_the_profile() -> None:
    assert status_for(d("2026-12-01"), TODAY, lab(due_soon_days=8)) is Status.DUE_SOON
    assert status_for(d("2026-11-24"), TODAY, lab(due_soon_days=0)) is Status.OK
    assert status_for(d("2026-11-23"), TODAY, lab(due_soon_days=0)) is Status.DUE_SOON


def test_worst_first_ordering() -> None:
    assert sorted([Status.OK, Status.OVERDUE, Status.DUE_SOON]) == [Status.OVERDUE, Status.DUE_SOON, Status.OK]
    assert Status.OVERDUE < Status.DUE_SOON < Status.OK
    assert worst([Status.OK, Status.DUE_SOON]) is Status.DUE_SOON
    assert worst([]) is None
    assert [s.rank for s in Status] == [0, 1, 2]


def test_values_are_the_stored_strings() -> None:
    assert [str(s) for s in Status] == ["overdue", "due_soon", "ok"]
    assert Status("due_soon") is Status.DUE_SOON


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 1, 1)), st.integers(-400, 400))
def test_status_matches_days_left(today: date, offset: int) -> None:
    due = today + timedelta(days=offset)
    status = status_for(due, today, lab())
    assert days_left(due, today) == offset
    assert (status is Status.OVERDUE) == (offset < 0)
    assert (status is Status.OK) == (offset > 7)
