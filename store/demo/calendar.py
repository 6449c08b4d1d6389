"""Open days and meeting slots, looked up in a precomputed set.

The rules' `is_open_day` finds the profile per call; generating a million meetings wants a
plain set lookup. The closed days themselves still come from the rules."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from store.rules import profile_for_history
from store.rules.calendar import closed_dates

ONE_DAY = timedelta(days=1)
SLOTS = (time(8, 30), time(9, 0), time(10, 0), time(10, 30), time(11, 0), time(12, 30), time(13, 0), time(14, 0))


class OpenDays:
    def __init__(self, first_year: int, last_year: int) -> None:
        closed: set[date] = set()
        for year in range(first_year, last_year + 1):
            profile = profile_for_history(date(year, 1, 1))
            closed |= closed_dates(year, profile.holiday_country, profile.closed_extra_days)
        self.closed = frozenset(closed)

    def is_open(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.closed

    def on_or_before(self, day: date) -> date:
        while not self.is_open(day):
            day -= ONE_DAY
        return day

    def on_or_after(self, day: date) -> date:
        while not self.is_open(day):
            day += ONE_DAY
        return day


def at(day: date, slot: time) -> datetime:
    return datetime.combine(day, slot)
