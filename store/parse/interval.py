"""Meeting and report intervals as typed (3 mdr, 6 uger, 14 dage) -> the canonical form
`store.rules.Interval` reads and stores ("3m", "6w", "14d")."""

from __future__ import annotations

from store.parse._text import ascii_re, clean, shown
from store.parse.errors import ParseError

_UNITS = {
    "m": "m", "md": "m", "mdr": "m", "mdr.": "m", "måned": "m", "måneder": "m",
    "maaned": "m", "maaneder": "m", "month": "m", "months": "m",
    "u": "w", "uge": "w", "uger": "w", "w": "w", "week": "w", "weeks": "w",
    "d": "d", "dag": "d", "dage": "d", "day": "d", "days": "d",
}
# One or more "number unit" parts, e.g. "1 måned 2 uger"; each unit is checked against _UNITS.
_PART = ascii_re(r"(\d{1,4}) ?([^\d\s]+) ?")

EXAMPLE = "3m"


def parse_interval_text(text: str) -> str:
    """Read an interval and return its canonical spelling. Raises ParseError."""
    from store.rules import Interval  # lazily: the rules package loads its profiles

    value = clean(text)
    if not value:
        raise ParseError("interval.empty", "No interval was given.", EXAMPLE)
    parts = _PART.findall(value)
    unreadable = ParseError(
        "interval.unreadable",
        f"{shown(text)} is not an interval: write a number and a unit, "
        "m (months), u (weeks) or d (days).",
        "6 uger",
        text=text,
    )
    if not parts or _PART.sub("", value) or any(unit not in _UNITS for _, unit in parts):
        raise unreadable
    canonical = "".join(f"{int(number)}{_UNITS[unit]}" for number, unit in parts)
    try:
        return str(Interval.parse(canonical))
    except ValueError as exc:
        raise ParseError(
            "interval.invalid",
            f"{shown(text)} is not a usable interval: {exc}.",
            EXAMPLE,
            text=text, reason=str(exc),
        ) from None
