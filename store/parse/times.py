"""Clock times as typed: 9, 9.30, 09:30, 0930, kl. 14, kl 14.15."""

from __future__ import annotations

from datetime import time

from store.parse._text import ascii_re, clean, shown
from store.parse.errors import ParseError

# Danes write 9.30 as often as 9:30; "kl." (klokken) often leads.
_SEPARATED = ascii_re(r"^(\d{1,2})(?:[.:](\d{2}))?$")
_RUN_TOGETHER = ascii_re(r"^(\d{1,2})(\d{2})$")  # 0930, 930
_PREFIX = ascii_re(r"^(?:kl|klokken)\.? ?")

EXAMPLE = "09:30"


def parse_time(text: str) -> time:
    """Read a time of day, hours 0-23 and minutes 0-59. Raises ParseError."""
    value = _PREFIX.sub("", clean(text)).removesuffix(".")
    if not value:
        raise ParseError("time.empty", "No time was given.", EXAMPLE)
    found = _SEPARATED.match(value) or _RUN_TOGETHER.match(value)
    if not found:
        raise ParseError(
            "time.unreadable",
            f"{shown(text)} is not a time: write hours and minutes.",
            EXAMPLE,
            text=text,
        )
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ParseError(
            "time.out_of_range",
            f"{shown(text)} is not a time: hours go from 0 to 23 and minutes from 0 to 59.",
            "14:05",
            text=text, hour=hour, minute=minute,
        )
    return time(hour, minute)
