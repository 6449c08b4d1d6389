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

from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache

from store.rules.profile import ClosedDay, RuleProfile, profile_for_history

# Public holidays already known, by (country, year): what the `holidays` package gives, handed
# over by a caller that holds them (store.quick's table, made from the same package version).
_known_public: dict[tuple[str, int], frozenset[date]] = {}


def know_public_holidays(country: str, by_year: Mapping[int, frozenset[date]]) -> None:
    """`by_year` holds exactly what the installed `holidays` package gives for `country` in
    each of its years (category public): `closed_dates` then need not import it. Importing it and building one
    country's calendar takes ~100-150 ms, as long as the rest of the way to the first frame
    (issue 15): its lazy loader imports all ~250 countries' modules to reach one."""
    for year, days in by_year.items():
        _known_public[(country, year)] = days
    closed_dates.cache_clear()


@lru_cache(maxsize=256)
def closed_dates(year: int, country: str, extra: tuple[ClosedDay, ...]) -> frozenset[date]:
    """Every weekday-independent closed date of `year`. Cached per year: deadlines for a whole
    caseload hit the same few years over and over."""
    public = _known_public.get((country, year))
    if public is None:
        public = public_holidays(country, year)
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


def public_holidays(country: str, year: int) -> frozenset[date]:
    """The `holidays` package's public holidays of `country` in `year`."""
    # Imported here: `holidays` is slow to import and most start-ups never need it.
    import holidays

    try:
        return frozenset(holidays.country_holidays(country, years=year, categories=("public",)))
    except NotImplementedError:
        raise ValueError(f"holiday_country {country!r} is not known to the holidays package") from None
