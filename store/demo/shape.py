"""The skeleton of one citizen's case, decided before any row is written.

The stored next-meeting deadline follows from the last held meeting, so choosing that day
is how the demo decides whether a citizen is overdue, due soon or fine."""

from __future__ import annotations

import random
from itertools import accumulate
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from store.demo.calendar import SLOTS, OpenDays, at
from store.records import OUTCOMES

INTERVALS = (None, None, None, None, None, None, None, "6w", "2m", "1m")
INTERVAL_DAYS = {None: 91, "6w": 42, "2m": 61, "1m": 30}
PLACE_WEIGHTS = (
    ("jobcentre", 50), ("home", 12), ("phone", 14), ("video", 8), ("supplier", 5), ("residential", 5), ("other", 6),
)


@dataclass
class Shape:
    first_request: date
    interval: str | None
    last_held: date | None  # None: nothing held yet
    planned: datetime | None = None  # the next booked meeting
    planned_place: str | None = None
    planned_prepared: bool = False
    closed_on: date | None = None
    outcome: str | None = None
    ongoing_absence: tuple[str, date, date] | None = None  # kind, first day, last day
    international: bool = False
    preferred_place: str | None = None

    @property
    def interval_days(self) -> int:
        return INTERVAL_DAYS[self.interval]


_PLACES = [p for p, _ in PLACE_WEIGHTS]
_PLACE_CUMULATIVE = list(accumulate(w for _, w in PLACE_WEIGHTS))  # what choices() would build per call


def place(rng: random.Random) -> str:
    return rng.choices(_PLACES, cum_weights=_PLACE_CUMULATIVE)[0]


def book(rng: random.Random, days: OpenDays, earliest: date, latest: date) -> datetime:
    """An open day between the two (inclusive, as far as open days allow) at a usual slot."""
    span = max(0, (latest - earliest).days)
    day = days.on_or_after(earliest + timedelta(days=rng.randint(0, span)))
    return at(day, rng.choice(SLOTS))


def random_shape(rng: random.Random, days: OpenDays, today: date) -> Shape:
    interval = rng.choice(INTERVALS)
    ivd = INTERVAL_DAYS[interval]
    # Skewed towards recent requests; a few cases go back four years.
    first_request = today - timedelta(days=int(rng.triangular(30, 4 * 365, 200)))
    shape = Shape(first_request, interval, None, international=rng.random() < 0.06)
    if rng.random() < 0.3:
        shape.preferred_place = place(rng)
    tomorrow = today + timedelta(days=1)
    roll = rng.random()
    if roll < 0.02:  # a new case: first request this week, first meeting booked
        shape.first_request = today - timedelta(days=rng.randint(0, 6))
        shape.planned = book(rng, days, tomorrow, shape.first_request + timedelta(days=6))
    elif roll < 0.13:  # stuck: the interval has run out
        held = today - timedelta(days=ivd + rng.randint(3, 60))
        shape.last_held = days.on_or_before(held) if held > first_request + timedelta(days=7) else None
        if rng.random() < 0.35:
            shape.planned = book(rng, days, tomorrow, today + timedelta(days=14))
    elif roll < 0.18:  # closed with an outcome
        closed = today - timedelta(days=rng.randint(14, 400))
        shape.first_request = min(first_request, closed - timedelta(days=rng.randint(90, 700)))
        shape.closed_on = closed
        shape.outcome = rng.choice(OUTCOMES)
        shape.last_held = days.on_or_before(closed - timedelta(days=rng.randint(0, 40)))
    else:  # running on time
        held = days.on_or_before(today - timedelta(days=rng.randint(2, ivd - 1)))
        shape.first_request = min(first_request, held - timedelta(days=rng.randint(8, 120)))
        shape.last_held = held
        due = held + timedelta(days=ivd)
        if rng.random() < 0.65:
            shape.planned = book(rng, days, tomorrow, max(tomorrow, min(due, today + timedelta(days=42))))
        if rng.random() < 0.03:
            kind = rng.choice(("sickness", "sickness", "holiday", "exemption"))
            first = held + timedelta(days=rng.randint(1, max(1, (today - held).days)))
            shape.ongoing_absence = (kind, min(first, today), today + timedelta(days=rng.randint(2, 30)))
    if shape.planned is not None:
        shape.planned_place = shape.preferred_place or place(rng)
        shape.planned_prepared = shape.planned.date() <= today + timedelta(days=3) and rng.random() < 0.5
    return shape
