"""One day of the caseworker's calendar: the template's blocks, the meetings already there,
and the proposals packed around them with the buffer between different places.

Packing is earliest-fit on the request's grid, proposals grouped by place (fewer buffers) and
the long ones first. For meetings of one length at one place earliest-fit packs as many as can
fit at all (the classic interval argument), which is what makes the planner exact there."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from store.planning.model import Block, Busy, Need

Span = tuple[datetime, datetime, str]  # start, end, place


def _gap(a: str, b: str, buffer: timedelta) -> timedelta:
    # Meeting at the same place back to back needs no travel; anything else gets the buffer.
    return timedelta(0) if a == b else buffer


def clashes(start: datetime, end: datetime, place: str, taken: Iterable[Span], buffer: timedelta) -> bool:
    for other_start, other_end, other_place in taken:
        gap = _gap(place, other_place, buffer)
        if start < other_end + gap and other_start < end + gap:
            return True
    return False


@dataclass
class Day:
    day: date
    blocks: tuple[Block, ...]
    fixed: tuple[Span, ...]  # existing meetings of that day
    buffer: timedelta
    step: timedelta

    def candidates(self, minutes: int) -> Iterable[datetime]:
        length = timedelta(minutes=minutes)
        for block in self.blocks:
            start = datetime.combine(self.day, block.start)
            end = datetime.combine(self.day, block.end)
            while start + length <= end:
                yield start
                start += self.step

    def earliest(self, minutes: int, place: str, taken: Sequence[Span]) -> datetime | None:
        length = timedelta(minutes=minutes)
        for start in self.candidates(minutes):
            if not clashes(start, start + length, place, taken, self.buffer):
                return start
        return None

    def insert(self, layout: dict[tuple, datetime], members: Sequence[Need], need: Need) -> dict[tuple, datetime] | None:
        """`need` put into the first gap of a day laid out as `layout`, nobody else moved."""
        taken: list[Span] = list(self.fixed)
        taken += [(layout[m.key], layout[m.key] + timedelta(minutes=m.minutes), m.place) for m in members]
        start = self.earliest(need.minutes, need.place, taken)
        return None if start is None else {**layout, need.key: start}

    def pack(self, needs: Iterable[Need]) -> dict[tuple, datetime] | None:
        """Start times for every need (by key) around the fixed meetings, or None when they
        do not all fit."""
        taken: list[Span] = list(self.fixed)
        starts: dict[tuple, datetime] = {}
        for need in sorted(needs, key=lambda n: (n.place, -n.minutes, n.deadline, n.key)):
            start = self.earliest(need.minutes, need.place, taken)
            if start is None:
                return None
            taken.append((start, start + timedelta(minutes=need.minutes), need.place))
            starts[need.key] = start
        return starts


def fixed_spans(busy: Iterable[Busy]) -> dict[date, tuple[Span, ...]]:
    out: dict[date, list[Span]] = {}
    for b in busy:
        out.setdefault(b.start.date(), []).append((b.start, b.end, b.place))
    return {d: tuple(spans) for d, spans in out.items()}
