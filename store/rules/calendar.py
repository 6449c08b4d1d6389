"""Which days the jobcentre is open, and moving a deadline off a closed day.

Closed: Saturdays, Sundays, the country's *public* holidays from the `holidays` package, and
the profile's extra closed days (for DK: 5 June, 24 and 31 December), each a fixed month-day
or a rule relative to Easter ("easter+40": a local closure on the Friday after Ascension).

What the `holidays` package gives for DK, category "public" (checked against holidays 0.109,
pinned by tests): New Year's Day, Skærtorsdag, Langfredag, Påskedag, 2. påskedag, Kristi
himmelfartsdag, Pinsedag, 2. pinsedag, Juledag, 2. juledag, and Store Bededag only up to 2023
(abolished from 2024). Grundlovsdag, juleaftensdag, nytårsaftensdag and 1 May sit in its
"optional" category, which we do not use: the first three come from the profile instead, and
1 May is an ordinary open day, as DOMAIN.md does not list it as closed."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from store.rules.profile import ClosedDay, RuleProfile, profile_for_history


@lru_cache(maxsize=256)
def closed_dates(year: int, country: str, extra: tuple[ClosedDay, ...]) -> frozenset[date]:
    """Every weekday-independent closed date of `year`. Cached per year: deadlines for a whole
    caseload hit the same few years over and over."""
    # Imported here: `holidays` is slow to import and most start-ups never need it.
    import holidays

    try:
        public = holidays.country_holidays(country, years=year, categories=("public",))
    except NotImplementedError:
        raise ValueError(f"holiday_country {country!r} is not known to the holidays package") from None
    days = set(public)
    for rule in extra:
        found = rule.on(year)
        if found is not None:  # None: 29 February outside leap years
            days.add(found)
    return frozenset(days)


def is_open_day(day: date, profile: RuleProfile | None = None) -> bool:
    """True when the jobcentre is open on `day`, by the given profile or the one in force then."""
    if day.weekday() >= 5:
        return False
    rules = profile or profile_for_history(day)
    return day not in closed_dates(day.year, rules.holiday_country, rules.closed_extra_days)


def last_open_day_on_or_before(day: date, profile: RuleProfile | None = None) -> date:
    """`day` itself when open, else the nearest open day before it (a deadline must be met on
    a day the caseworker can act, and moving it later would break the rule it came from)."""
    while not is_open_day(day, profile):
        day -= timedelta(days=1)
    return day
