"""The planner's values: plain frozen dataclasses in, a Plan out. No database, no UI."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("next_meeting", "first_period", "three_party")
# A need's identity: (citizen, kind, course, seq); the planner keeps one need per key.
NeedKey = tuple[int, str, int | None, int]


@dataclass(frozen=True, slots=True)
class Block:
    """Meeting time on one weekday, e.g. 09:00-12:00 (end exclusive)."""

    start: time
    end: time

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    @classmethod
    def parse(cls, text: str) -> Block:
        """"09:00-12:00" (also "9-12", "9.30-11"); raises ValueError with a readable message."""
        try:
            first, last = (part.strip() for part in text.split("-"))
            block = cls(_clock(first), _clock(last))
        except ValueError:
            raise ValueError(f"{text!r} is not a time span; write it as 09:00-12:00") from None
        if block.minutes <= 0:
            raise ValueError(f"{text!r} ends before it starts")
        return block

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def _clock(text: str) -> time:
    hour, _, minute = text.replace(".", ":").partition(":")
    return time(int(hour), int(minute or 0))


@dataclass(frozen=True, slots=True)
class WeekTemplate:
    """When the caseworker holds meetings. `weeks[i][weekday]` are the blocks of that weekday
    (0 = Monday). Several weeks alternate by ISO week number: with two, odd weeks use the
    first and even weeks the second (a morning week and an afternoon week)."""

    weeks: tuple[tuple[tuple[Block, ...], ...], ...]

    def blocks(self, day: date) -> tuple[Block, ...]:
        week = self.weeks[(day.isocalendar().week - 1) % len(self.weeks)]
        return week[day.weekday()]

    @classmethod
    def from_days(cls, *weeks: Mapping[str, tuple[str, ...] | list[str]]) -> WeekTemplate:
        """{"mon": ["09:00-12:00", "13:00-15:00"], ...}; a missing day has no meetings."""
        if not weeks:
            raise ValueError("a week template needs at least one week")
        shaped = []
        for week in weeks:
            unknown = set(week) - set(WEEKDAYS)
            if unknown:
                raise ValueError(f"unknown weekday {sorted(unknown)[0]!r} (use {', '.join(WEEKDAYS)})")
            shaped.append(tuple(
                tuple(sorted((Block.parse(b) for b in week.get(name, ())), key=lambda b: b.start))
                for name in WEEKDAYS
            ))
        return cls(tuple(shaped))

    def as_days(self) -> list[dict[str, list[str]]]:
        return [{WEEKDAYS[i]: [str(b) for b in blocks] for i, blocks in enumerate(week) if blocks}
                for week in self.weeks]


# Seed 001: morning meetings Monday to Thursday, follow-up the rest of the day, Fridays free.
DEFAULT_TEMPLATE = WeekTemplate.from_days({d: ["09:00-12:00", "13:00-15:00"] for d in ("mon", "tue", "wed", "thu")})


@dataclass(frozen=True, slots=True)
class Absence:
    first: date
    last: date  # inclusive
    kind: str = "sickness"  # sickness, holiday, exemption, other


@dataclass(frozen=True, slots=True)
class Busy:
    """A meeting already in the caseworker's calendar (any citizen's, planned or held)."""

    start: datetime
    minutes: int
    place: str

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True, slots=True)
class Need:
    """One meeting a citizen needs by `deadline`: the next meeting (with the first period
    folded in, since one held meeting serves both), a further meeting the first period still
    owes (`seq` 1, 2, ...: each in its own window from `earliest`, so the citizen's meetings
    fall on different days and in order), or a three-party meeting of a course."""

    citizen_id: int
    name: str
    cpr: str
    kind: str  # one of KINDS: the obligation whose deadline this is
    deadline: date
    place: str = "jobcentre"  # the citizen's preferred place
    minutes: int = 60  # the last held meeting's length, else 60
    absences: tuple[Absence, ...] = ()
    course_id: int | None = None
    earliest: date | None = None  # not before this day (None: any day of the window)
    seq: int = 0  # 0: the citizen's next meeting; k: the k-th further meeting owed

    @property
    def key(self) -> NeedKey:
        return (self.citizen_id, self.kind, self.course_id, self.seq)


@dataclass(frozen=True, slots=True)
class PlanRequest:
    today: date
    needs: tuple[Need, ...]
    template: WeekTemplate = DEFAULT_TEMPLATE
    is_open: Callable[[date], bool] = field(default=lambda d: d.weekday() < 5)
    start: date | None = None  # the first day of the window (default: today)
    weeks: int = 2
    notice_days: int = 2  # working days between the invitation (today) and the meeting
    buffer_minutes: int = 15  # between meetings at different places
    busy: tuple[Busy, ...] = ()
    step_minutes: int = 15  # proposals start on this grid within a block

    @property
    def first(self) -> date:
        return self.start or self.today

    @property
    def last(self) -> date:
        return self.first + timedelta(days=7 * self.weeks - 1)


@dataclass(frozen=True, slots=True)
class Why:
    """Why a citizen got no meeting in time: a catalog code and its values, so the words are
    the catalog's ("ingen ledig tid før 04-12") and the value can be tested and sent as JSON."""

    code: str  # no_slot_before, absent_until, no_slot_in_window
    params: tuple[tuple[str, object], ...] = ()

    @property
    def values(self) -> dict[str, object]:
        return dict(self.params)


@dataclass(frozen=True, slots=True)
class Proposal:
    need: Need
    start: datetime
    minutes: int
    place: str

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def late(self) -> bool:
        """Only an overdue citizen gets a proposal after the deadline."""
        return self.start.date() > self.need.deadline


@dataclass(frozen=True, slots=True)
class Unplaced:
    need: Need
    why: Why


@dataclass(frozen=True, slots=True)
class Plan:
    proposals: tuple[Proposal, ...]
    unplaced: tuple[Unplaced, ...]
    first_day: date  # the earliest day a proposal could fall on (the window and the notice)
    last_day: date

    @property
    def late(self) -> int:
        """Citizens whose deadline this plan does not meet: overdue ones and those left out."""
        return sum(1 for p in self.proposals if p.late) + len(self.unplaced)


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """The caseworker's own planning rules, from the config file."""

    template: WeekTemplate = DEFAULT_TEMPLATE
    buffer_minutes: int = 15
    notice_days: int = 2
