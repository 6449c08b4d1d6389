"""The jobcentre calendar. The holiday cases pin what the `holidays` package returns, so an
upgrade that changes it fails here rather than silently moving deadlines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import is_open_day, last_open_day_on_or_before
from store.rules.profile import ClosedDay
from tests.rules.helpers import d, lab


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2026-01-01", "nytårsdag"),
        ("2027-01-01", "nytårsdag"),
        ("2026-04-02", "skærtorsdag"),
        ("2026-04-03", "langfredag"),
        ("2026-04-06", "2. påskedag"),
        ("2027-03-25", "skærtorsdag"),
        ("2027-03-26", "langfredag"),
        ("2027-03-29", "2. påskedag"),
        ("2026-05-14", "kristi himmelfartsdag"),
        ("2027-05-06", "kristi himmelfartsdag"),
        ("2026-05-25", "2. pinsedag"),
        ("2027-05-17", "2. pinsedag"),
        ("2026-06-05", "grundlovsdag (profile)"),
        ("2026-12-24", "juleaftensdag (profile)"),
        ("2026-12-25", "juledag"),
        ("2027-12-24", "juleaftensdag (profile)"),
        ("2025-12-26", "2. juledag"),
        ("2026-12-31", "nytårsaftensdag (profile)"),
        ("2023-05-05", "store bededag, still a holiday in 2023"),
        ("2026-11-28", "Saturday"),
        ("2026-11-29", "Sunday"),
    ],
)
def test_closed_days(day: str, why: str) -> None:
    assert not is_open_day(d(day)), why


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2024-04-26", "store bededag was abolished from 2024"),
        ("2026-05-01", "1 May is not a closed day"),
        ("2026-12-23", "lillejuleaften"),
        ("2026-12-30", "between Christmas and New Year"),
        ("2026-04-01", "Wednesday before Easter"),
        ("2026-04-07", "Tuesday after Easter"),
        ("2026-11-23", "an ordinary Monday"),
    ],
)
def test_open_days(day: str, why: str) -> None:
    assert is_open_day(d(day)), why


def test_extra_closed_days_come_from_the_profile() -> None:
    assert is_open_day(d("2026-06-05"), lab(closed_extra_days=()))
    assert not is_open_day(d("2026-06-04"), lab(closed_extra_days=(ClosedDay(6, 4),)))


@pytest.mark.parametrize(
    ("rule", "closed", "why"),
    [
        ("easter+40", "2026-05-15", "the Friday after Ascension 2026 (Easter 5 April)"),
        ("easter+40", "2027-05-07", "the Friday after Ascension 2027 (Easter 28 March)"),
        ("easter+39", "2026-05-14", "Ascension itself"),
        ("easter-1", "2026-04-04", "Easter Saturday (a weekend anyway)"),
    ],
)
def test_closed_days_relative_to_easter(tmp_path, rule: str, closed: str, why: str) -> None:
    from store.rules.profile import read_profile, PROFILES_DIR

    text = (PROFILES_DIR / "2025-lab.toml").read_text(encoding="utf-8").replace('"06-05", ', f'"06-05", "{rule}", ')
    (tmp_path / "x.toml").write_text(text, encoding="utf-8")
    profile = read_profile(tmp_path / "x.toml")
    assert not is_open_day(d(closed), profile), why
    assert is_open_day(d(closed), lab()) or d(closed).weekday() >= 5 or closed == "2026-05-14"


def test_friday_after_ascension_moves_a_deadline_back_to_wednesday() -> None:
    """Ascension 2026 is Thursday 14 May (a public holiday); with the Friday closed too, a
    deadline on Friday 15 May moves to Wednesday 13 May."""
    profile = lab(closed_extra_days=(ClosedDay(easter_offset=40),))
    assert last_open_day_on_or_before(d("2026-05-15"), profile) == d("2026-05-13")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-11-23", "2026-11-23"),  # open: unchanged
        ("2026-11-28", "2026-11-27"),  # Saturday
        ("2026-11-29", "2026-11-27"),  # Sunday
        ("2026-04-06", "2026-04-01"),  # 2. påskedag, back over the whole Easter
        ("2027-03-29", "2027-03-24"),
        ("2026-05-14", "2026-05-13"),  # kristi himmelfart
        ("2026-05-25", "2026-05-22"),  # 2. pinsedag, back over the weekend
        ("2026-06-05", "2026-06-04"),  # grundlovsdag, a Friday in 2026
        ("2027-06-05", "2027-06-04"),  # a Saturday in 2027
        ("2026-12-24", "2026-12-23"),
        ("2026-12-27", "2026-12-23"),
        ("2026-12-31", "2026-12-30"),
        ("2027-01-01", "2026-12-30"),  # back over New Year's Eve into the old year
        ("2023-05-05", "2023-05-04"),  # store bededag 2023
    ],
)
def test_last_open_day_on_or_before(day: str, expected: str) -> None:
    assert last_open_day_on_or_before(d(day)) == d(expected)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)))
def test_moved_day_is_the_nearest_open_day_not_later(day: date) -> None:
    moved = last_open_day_on_or_before(day)
    assert moved <= day
    assert is_open_day(moved)
    assert (day - moved).days < 7
    skipped = [moved + timedelta(days=n) for n in range(1, (day - moved).days + 1)]
    assert not any(is_open_day(x) for x in skipped)


def test_days_before_every_profile_use_the_earliest_calendar() -> None:
    assert not is_open_day(d("2019-06-05"))  # grundlovsdag, before 2020-01-01
    assert is_open_day(d("2019-06-04"))
