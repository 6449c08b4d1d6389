from __future__ import annotations

from datetime import date, timedelta

import pytest

from store.parse import parse_date
from tests.parse.helpers import TODAY, refused


@pytest.mark.parametrize("text, expected", [
    ("24-12-2026", date(2026, 12, 24)),
    ("24.12.2026", date(2026, 12, 24)),
    ("24/12/2026", date(2026, 12, 24)),
    ("24/12-2026", date(2026, 12, 24)),  # the Danish handwritten form
    ("1-2-2027", date(2027, 2, 1)),
    ("24.12.26", date(2026, 12, 24)),
    ("01.01.99", date(2099, 1, 1)),  # two digits always mean 20yy
    ("24/12", date(2026, 12, 24)),
    ("24-12", date(2026, 12, 24)),
    ("24.12", date(2026, 12, 24)),
    ("3.1", date(2026, 1, 3)),  # no year is this year, even when past
    ("d. 24.12", date(2026, 12, 24)),
    ("2026-12-24", date(2026, 12, 24)),
    ("  29-02-2028 ", date(2028, 2, 29)),
    ("i dag", TODAY), ("idag", TODAY), ("today", TODAY), ("I DAG", TODAY),
    ("i morgen", TODAY + timedelta(1)), ("imorgen", TODAY + timedelta(1)), ("Tomorrow", TODAY + timedelta(1)),
    ("i går", TODAY - timedelta(1)), ("igår", TODAY - timedelta(1)), ("yesterday", TODAY - timedelta(1)),
    ("i  morgen", TODAY + timedelta(1)),
    ("+3", date(2026, 11, 26)), ("-2", date(2026, 11, 21)), ("+0", TODAY), ("+ 14", date(2026, 12, 7)),
])
def test_dates_are_read(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text, expected", [
    # Today is a Monday: naming Monday means next week's.
    ("man", date(2026, 11, 30)), ("mandag", date(2026, 11, 30)), ("mon", date(2026, 11, 30)),
    ("Monday", date(2026, 11, 30)),
    ("tir", date(2026, 11, 24)), ("tirsdag", date(2026, 11, 24)), ("tue", date(2026, 11, 24)),
    ("ons", date(2026, 11, 25)), ("wed", date(2026, 11, 25)),
    ("tor", date(2026, 11, 26)), ("torsdag", date(2026, 11, 26)), ("thu", date(2026, 11, 26)),
    ("fre", date(2026, 11, 27)), ("Fredag", date(2026, 11, 27)), ("fri", date(2026, 11, 27)),
    ("lør", date(2026, 11, 28)), ("lørdag", date(2026, 11, 28)), ("sat", date(2026, 11, 28)),
    ("søn", date(2026, 11, 29)), ("søndag", date(2026, 11, 29)), ("sun", date(2026, 11, 29)),
])
def test_weekdays_mean_the_next_one_after_today(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("uge 48", date(2026, 11, 23)),  # the current week still counts
    ("uge 52", date(2026, 12, 21)),
    ("uge 53", date(2026, 12, 28)),  # 2026 has 53 ISO weeks
    ("week 52", date(2026, 12, 21)),
    ("Uge 1", date(2027, 1, 4)),  # passed this year: next year's
    ("uge 47", date(2027, 11, 22)),
    ("uge 52 2026", date(2026, 12, 21)),
    ("uge 10 2027", date(2027, 3, 8)),
    ("uge 10 2025", date(2025, 3, 3)),  # an explicit year is taken as given
])
def test_weeks_mean_their_monday(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text, code", [
    ("", "date.empty"),
    ("   ", "date.empty"),
    ("31-02-2026", "date.invalid"),
    ("29.02.2027", "date.invalid"),
    ("2026-13-01", "date.invalid"),
    ("32/1", "date.invalid"),
    ("00-01-2026", "date.invalid"),
    ("24-12-0226", "date.year_range"),
    ("in a while", "date.unreadable"),
    ("24122026", "date.unreadable"),
    ("24-12-202", "date.unreadable"),
    ("+99999", "date.offset_range"),
    ("uge 53 2027", "date.week_invalid"),
    ("uge 0", "date.week_invalid"),
    ("uge 60", "date.week_invalid"),
    ("٢٤-١٢-٢٠٢٦", "date.unreadable"),  # only ASCII digits are digits here
])
def test_unreadable_dates_are_refused(text: str, code: str) -> None:
    refused(lambda t: parse_date(t, TODAY), text, code)


def test_an_impossible_day_suggests_the_months_last_day() -> None:
    error = refused(lambda t: parse_date(t, TODAY), "31-02-2026", "date.invalid")
    assert error.example == "28-02-2026"
    assert "February 2026 has 28 days" in error.message
