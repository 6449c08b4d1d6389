"""Durations as typed: 45, 1t, 1,5 t, 90 min, 1:30, 1t30. Always whole minutes."""

from __future__ import annotations

from fractions import Fraction

from store.parse._text import ascii_re, clean, shown
from store.parse.errors import ParseError

MAX_MINUTES = 24 * 60  # nothing in a caseworker's day lasts longer than a day

_HOURS = ("t", "time", "timer", "h", "hr", "hrs", "hour", "hours")
_MINUTES = ("", "m", "min", "min.", "mins", "minut", "minutter", "minute", "minutes")
# One number with an optional unit; a decimal comma is the Danish way of writing 1.5.
_AMOUNT = ascii_re(r"^(\d{1,5}(?:[.,]\d{1,3})?) ?([a-z.]*)$")
_CLOCK = ascii_re(r"^(\d{1,2}):(\d{2})$")
_HOURS_AND_MINUTES = ascii_re(r"^(\d{1,2}) ?(?:t|h|time|timer|hour|hours) ?(\d{1,2}) ?(?:m|min|min\.|minutter|minutes)?$")

EXAMPLE = "45"


def parse_minutes(text: str) -> int:
    """Read a duration in minutes, 1 to 1440. Raises ParseError."""
    value = clean(text)
    if not value:
        raise ParseError("minutes.empty", "No duration was given.", EXAMPLE)
    minutes = _read(value)
    if minutes is None:
        raise ParseError(
            "minutes.unreadable",
            f"{shown(text)} is not a duration: write minutes, hours with t, or hours:minutes.",
            "90 min",
            text=text,
        )
    if minutes.denominator != 1:
        raise ParseError(
            "minutes.not_whole",
            f"{shown(text)} is not a whole number of minutes.",
            "1,5 t",
            text=text,
        )
    if not 1 <= minutes <= MAX_MINUTES:
        raise ParseError(
            "minutes.out_of_range",
            f"{shown(text)} must be between 1 minute and {MAX_MINUTES // 60} hours.",
            EXAMPLE,
            text=text, limit=MAX_MINUTES,
        )
    return int(minutes)


def _read(value: str) -> Fraction | None:
    if found := _CLOCK.match(value) or _HOURS_AND_MINUTES.match(value):
        hours, minutes = int(found.group(1)), int(found.group(2))
        return Fraction(hours * 60 + minutes) if minutes < 60 else None
    if found := _AMOUNT.match(value):
        # Fraction, not float: 1,1 t must be exactly 66 minutes.
        amount = Fraction(found.group(1).replace(",", "."))
        unit = found.group(2)
        if unit in _HOURS:
            return amount * 60
        if unit in _MINUTES:
            return amount
    return None
