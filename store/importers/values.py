"""The cell grammar of import files: strict dates and intervals, with messages that say how
to write the value instead.

Deliberately stricter than the interactive `store.parse.parse_date`: a form can ask back when
"3/4" is ambiguous, a file of 500 rows cannot. So: no two-digit years, no words, and no
slashes, because 03/04/2026 means 3 April in Denmark but 4 March in an English Excel."""

from __future__ import annotations

import calendar
import re
from datetime import date

from store.importers.problem import Problem

# Dates outside this span are typos (0226 for 2026) and would overflow deadline arithmetic.
FIRST_YEAR, LAST_YEAR = 1900, 2199

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$")


def quoted(text: str, limit: int = 40) -> str:
    """A user's value inside a message: quoted, shortened, control characters made visible."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    shown = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in shown)
    return f'"{shown}"'


def file_date(text: str, today: date) -> date:
    """YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY. Raises ValueError with the whole sentence."""
    iso = _ISO.match(text)
    dmy = _DMY.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dmy:
        day, month, year = int(dmy.group(1)), int(dmy.group(3)), int(dmy.group(4))
    else:
        raise ValueError(_not_a_date(text, today))
    try:
        found = date(year, month, day)
    except ValueError:
        pass
    else:
        return within_years(found, text)
    if 1 <= month <= 12 and 1 <= year:
        # Most often the 31st of a short month or 29 February: offer the month's last day.
        last = date(year, month, calendar.monthrange(year, month)[1])
        raise ValueError(Problem("date_month_end", f"{quoted(text)} is not a date; write it as {last.isoformat()} or {last:%d-%m-%Y}",
                                 value=quoted(text), iso=last.isoformat(), dmy=f"{last:%d-%m-%Y}"))
    raise ValueError(_not_a_date(text, today))


def within_years(value: date, text: str) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(Problem("date_years", f"{quoted(text)} is outside the years {FIRST_YEAR}-{LAST_YEAR}; check the year",
                                 value=quoted(text), first=FIRST_YEAR, last=LAST_YEAR))
    return value


def _not_a_date(text: str, today: date) -> Problem:
    return Problem("date", f"{quoted(text)} is not a date; {_how(today)}", value=quoted(text),
                   iso=today.isoformat(), dmy=f"{today:%d-%m-%Y}")


def _how(today: date) -> str:
    return f"write it as YYYY-MM-DD or DD-MM-YYYY, e.g. {today.isoformat()} or {today:%d-%m-%Y}"


def file_interval(text: str) -> str:
    """The canonical spelling of an interval such as 3m, 6w or 14d. Raises ValueError."""
    from store.rules import Interval

    try:
        return str(Interval.parse(text))
    except (ValueError, TypeError, OverflowError):
        raise ValueError(Problem(
            "interval", f"{quoted(text)} is not an interval; write a number and a unit: 3m (months), 6w (weeks) or 14d (days)",
            value=quoted(text))) from None
