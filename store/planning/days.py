"""One day of the caseworker's calendar: the template's blocks, the meetings already there,
and the proposals packed around them with the buffer between different places.

Packing is earliest-fit on the request's grid, proposals grouped by place (fewer buffers) and
the long ones first. For meetings of one length at one place earliest-fit packs as many as can
fit at all (the classic interval argument), which is what makes the planner exact there.

Inside a day times are whole minutes after midnight: the packing runs thousands of times per
plan, and integer arithmetic is several times faster than datetime arithmetic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from store.planning.model import Block, Busy, Need, NeedKey

Span = tuple[datetime, datetime, str]  # start, end, place
Slot = tuple[int, int, str]  # the same in minutes after midnight


def clashes(start: datetime, end: datetime, place: str, taken: Iterable[Span], buffer: timedelta) -> bool:
    """True when [start, end) at `place` comes closer to a taken span than allowed: no overlap at
    the same place, and `buffer` between different places (travel, a room to set up)."""
    for other_start, other_end, other_place in taken:
        gap = timedelta(0) if place == other_place else buffer
        if start < other_end + gap and other_start < end + gap:
            return True
    return False


def _minute(moment: datetime | time) -> int:
    return moment.hour * 60 + moment.minute


@dataclass
class Day:
    day: date
    blocks: tuple[Block, ...]
    fixed: tuple[Span, ...]  # existing meetings of that day
    buffer: timedelta
    step: timedelta
    free: int = field(init=False)  # template minutes the fixed meetings leave

    def __post_init__(self) -> None:
        self._buffer = int(self.buffer.total_seconds() // 60)
        self._step = max(1, int(self.step.total_seconds() // 60))
        self._blocks = [(_minute(b.start), _minute(b.end)) for b in self.blocks]
        self._fixed: list[Slot] = [(_minute(s), _minute(s) + int((e - s).total_seconds() // 60), p)
                                   for s, e, p in self.fixed]
        self.free = self._room()

    def _room(self) -> int:
        """An upper bound on what proposals can use, checked before any packing. Two meetings
        booked over each other count once."""
        total = 0
        for first, last in self._blocks:
            clipped = sorted((max(s, first), min(e, last)) for s, e, _ in self._fixed if s < last and e > first)
            taken, reached = 0, first
            for s, e in clipped:
                if e > reached:
                    taken += e - max(s, reached)
                    reached = e
            total += last - first - taken
        return total

    def _earliest(self, minutes: int, place: str, taken: Sequence[Slot]) -> int | None:
        """The first start on the grid (from each block's start) that clashes with nothing.
        A clash rules out every start before the clashing meeting's end plus the gap, so the
        search jumps there instead of trying each step."""
        step, buffer = self._step, self._buffer
        for origin, end in self._blocks:
            start = origin
            while start + minutes <= end:
                finish, free_from = start + minutes, -1
                for other_start, other_end, other_place in taken:
                    gap = 0 if other_place == place else buffer
                    if start < other_end + gap and other_start < finish + gap and other_end + gap > free_from:
                        free_from = other_end + gap
                if free_from < 0:
                    return start
                start = max(origin + -(-(free_from - origin) // step) * step, start + step)
        return None

    def _at(self, minute: int) -> datetime:
        return datetime.combine(self.day, time(minute // 60, minute % 60))

    def earliest(self, minutes: int, place: str, taken: Sequence[Span]) -> datetime | None:
        slots = [(_minute(s), _minute(s) + int((e - s).total_seconds() // 60), p) for s, e, p in taken]
        found = self._earliest(minutes, place, slots)
        return None if found is None else self._at(found)

    def insert(self, layout: dict[NeedKey, datetime], members: Sequence[Need], need: Need) -> dict[NeedKey, datetime] | None:
        """`need` put into the first gap of a day laid out as `layout`, nobody else moved."""
        if sum(m.minutes for m in members) + need.minutes > self.free:
            return None
        taken = self._fixed + [(_minute(layout[m.key]), _minute(layout[m.key]) + m.minutes, m.place) for m in members]
        start = self._earliest(need.minutes, need.place, taken)
        return None if start is None else {**layout, need.key: self._at(start)}

    def pack(self, needs: Iterable[Need]) -> dict[NeedKey, datetime] | None:
        """Start times for every need (by key) around the fixed meetings, or None when they
        do not all fit."""
        needs = list(needs)
        if sum(n.minutes for n in needs) > self.free:
            return None
        taken = list(self._fixed)
        starts: dict[NeedKey, datetime] = {}
        for need in sorted(needs, key=lambda n: (n.place, -n.minutes, n.deadline, n.key)):
            start = self._earliest(need.minutes, need.place, taken)
            if start is None:
                return None
            taken.append((start, start + need.minutes, need.place))
            starts[need.key] = self._at(start)
        return starts


def fixed_spans(busy: Iterable[Busy]) -> dict[date, tuple[Span, ...]]:
    out: dict[date, list[Span]] = {}
    for b in busy:
        out.setdefault(b.start.date(), []).append((b.start, b.end, b.place))
    return {d: tuple(spans) for d, spans in out.items()}
