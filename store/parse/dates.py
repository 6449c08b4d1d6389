"""Dates the way Danish caseworkers type them: 24-12-2026, 24.12.26, 24/12, i morgen, +3,
fre, uge 52.

Forgiving on purpose, unlike the strict file importers: a form shows the date it read back
at once, so a wrong guess is seen and fixed before anything is saved."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from store.parse._text import ascii_re, clean, shown
from store.parse.errors import ParseError

# Outside these years a date is a typo (0226 for 2026) and would overflow deadline arithmetic.
FIRST_YEAR, LAST_YEAR = 1900, 2199
MAX_OFFSET_DAYS = 3660  # "+30000" is a typo, not a plan ten decades ahead

_WORDS = {
    "i dag": 0, "idag": 0, "today": 0,
    "i morgen": 1, "imorgen": 1, "tomorrow": 1,
    "i går": -1, "igår": -1, "yesterday": -1,
    # Typed without å on a non-Danish keyboard.
    "i gaar": -1, "igaar": -1,
}
_WEEKDAYS = {
    0: ("man", "mandag", "mon", "monday"),
    1: ("tir", "tirs", "tirsdag", "tue", "tues", "tuesday"),
    2: ("ons", "onsdag", "wed", "wednesday"),
    3: ("tor", "tors", "torsdag", "thu", "thur", "thurs", "thursday"),
    4: ("fre", "fredag", "fri", "friday"),
    5: ("lør", "lørdag", "lor", "lordag", "loer", "loerdag", "sat", "saturday"),
    6: ("søn", "søndag", "son", "sondag", "soen", "soendag", "sun", "sunday"),
}
_WEEKDAY = {name: number for number, names in _WEEKDAYS.items() for name in names}

# Not calendar.month_name: that follows the process locale, and messages are English.
_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

_ISO = ascii_re(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# Mixed separators are normal Danish handwriting: 24/12-2026.
_DMY = ascii_re(r"^(\d{1,2})[-./](\d{1,2})(?:[-./](\d{2}|\d{4}))?\.?$")
_OFFSET = ascii_re(r"^([+-]) ?(\d{1,6})$")
_WEEK = ascii_re(r"^(?:uge|week|wk|u|w)\.? ?(\d{1,2})(?:[ /-](\d{2}|\d{4}))?$")

EXAMPLE = "24-12-2026"


def parse_date(text: str, today: date) -> date:
    """Read a typed date relative to `today`. Raises ParseError."""
    value = clean(text).removeprefix("d. ").removeprefix("den ")
    if not value:
        raise ParseError("date.empty", "No date was given.", EXAMPLE)
    if value in _WORDS:
        return today + timedelta(days=_WORDS[value])
    if value.rstrip(".") in _WEEKDAY:
        return _next_weekday(_WEEKDAY[value.rstrip(".")], today)
    if found := _OFFSET.match(value):
        return _offset(found, today, text)
    if found := _WEEK.match(value):
        return _week(found, today, text)
    if found := _ISO.match(value):
        year, month, day = (int(g) for g in found.groups())
        return _make(year, month, day, text)
    if found := _DMY.match(value):
        day, month = int(found.group(1)), int(found.group(2))
        year_text = found.group(3)
        if year_text is None:
            # Keep it simple and predictable: no year means this year, even for a past date.
            year = today.year
        else:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _make(year, month, day, text)
    raise ParseError(
        "date.unreadable",
        f"{shown(text)} is not a date: write it as day-month-year, a weekday, "
        "\"i morgen\", \"+3\" or \"uge 52\".",
        EXAMPLE,
        text=text,
    )


def _make(year: int, month: int, day: int, text: str) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ParseError(
            "date.year_range",
            f"{shown(text)} has the year {year}; only {FIRST_YEAR}-{LAST_YEAR} are accepted.",
            EXAMPLE,
            text=text, year=year,
        )
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if 1 <= month <= 12:
        # Most often the 31st of a short month or 29 February: show the month's last day.
        last = date(year, month, calendar.monthrange(year, month)[1])
        raise ParseError(
            "date.invalid",
            f"{shown(text)} is not a date: {_MONTHS[month]} {year} has {last.day} days.",
            f"{last:%d-%m-%Y}",
            text=text, year=year, month=month, day=day,
        )
    raise ParseError(
        "date.invalid",
        f"{shown(text)} is not a date: the month must be 1-12 and comes after the day.",
        EXAMPLE,
        text=text, year=year, month=month, day=day,
    )


def _next_weekday(weekday: int, today: date) -> date:
    """The next such day after today; naming today's weekday means a week ahead, because
    nobody types "mandag" on a Monday to mean today."""
    ahead = (weekday - today.weekday() - 1) % 7 + 1
    return today + timedelta(days=ahead)


def _offset(found, today: date, text: str) -> date:  # type: ignore[no-untyped-def]
    days = int(found.group(2)) * (-1 if found.group(1) == "-" else 1)
    if abs(days) > MAX_OFFSET_DAYS:
        raise ParseError(
            "date.offset_range",
            f"{shown(text)} is more than {MAX_OFFSET_DAYS} days away; type the date itself instead.",
            "+14",
            text=text, limit=MAX_OFFSET_DAYS,
        )
    return today + timedelta(days=days)


def _week(found, today: date, text: str) -> date:  # type: ignore[no-untyped-def]
    week = int(found.group(1))
    year_text = found.group(2)
    if year_text is not None:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _monday(year, week, text)
    this_year = today.isocalendar().year
    monday = _monday_or_none(this_year, week)
    # A week already over means the coming one; the current week itself still counts.
    if monday is None or monday + timedelta(days=6) < today:
        return _monday(this_year + 1, week, text)
    return monday


def _monday_or_none(year: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def _monday(year: int, week: int, text: str) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ParseError(
            "date.year_range",
            f"{shown(text)} has the year {year}; only {FIRST_YEAR}-{LAST_YEAR} are accepted.",
            "uge 52 2026",
            text=text, year=year,
        )
    monday = _monday_or_none(year, week)
    if monday is None:
        weeks = date(year, 12, 28).isocalendar().week  # 28 December is always in the last week
        raise ParseError(
            "date.week_invalid",
            f"{shown(text)} is not a week: {year} has weeks 1-{weeks}.",
            f"uge {min(max(week, 1), weeks)} {year}",
            text=text, year=year, week=week, weeks=weeks,
        )
    return monday
