"""Dates and weekdays as a Danish caseworker reads them (24-12-2026, tirsdag)."""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
SHORT_WEEKDAYS = {
    "da": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS = {
    "da": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _lang() -> str:
    from tui.i18n.catalog import current_language

    return current_language()


def fmt_date(d: date | None) -> str:
    """Danish numeric dates (24-12-2026); English users get ISO, which no one misreads."""
    if d is None:
        return "–"
    return d.strftime("%d-%m-%Y") if _lang() == "da" else d.isoformat()


def fmt_short_date(d: date | None) -> str:
    if d is None:
        return "–"
    return d.strftime("%d-%m") if _lang() == "da" else d.strftime("%m-%d")


def fmt_time(dt: datetime) -> str:
    return dt.strftime("%H:%M") if _lang() == "en" else dt.strftime("%H.%M")


def weekday(d: date, short: bool = False) -> str:
    table = SHORT_WEEKDAYS if short else WEEKDAYS
    return table[_lang()][d.weekday()]


def fmt_day(d: date) -> str:
    """'tirsdag 24-11-2026' — the heading of a day."""
    return f"{weekday(d)} {fmt_date(d)}"


def month_label(d: date) -> str:
    return MONTHS[_lang()][d.month - 1]
