"""The plan: which citizen to meet on which day, so that as many deadlines as possible are met.

How it works, and why it is exact where it claims to be:

- Every day from the first bookable one (today plus the notice, in open days) to the end of
  the window that is open and has template blocks is a *day* with room for meetings.
- Each need may use the days where the citizen is not absent and that are on or before its
  deadline (and not before its `earliest` day, when it has one).
- Needs that can still be met are taken in deadline order (EDF). Each goes to the earliest of
  its days with room. When none has room, an augmenting path is searched (breadth first over
  days): move a planned citizen from one of the need's days to another of *their* days, maybe
  pushing a third one on, until a day with room is reached. Only then is the need left out.
- When every meeting has the same length and place, a day's room is a number of meetings, the
  sets of citizens that can all be met in time are the independent sets of a transversal
  matroid, and taking needs greedily while an augmenting path exists gives a largest such set:
  the fewest late citizens possible (tests/planning/test_brute_force.py checks this against an
  exhaustive search). Taking them in deadline order makes the earliest deadlines win ties.
  With mixed lengths and places it is the same search with each day repacked on every move:
  no longer a guarantee, but never a rule broken.
- Overdue citizens (their deadline is before the first bookable day) cannot be met in time; they
  get the earliest place left once the timely ones are settled, so they never cost another
  citizen their deadline."""

from __future__ import annotations

from collections import deque
from datetime import date, datetime, timedelta

from store.planning.days import Day, fixed_spans
from store.planning.model import Absence, Need, NeedKey, Plan, PlanRequest, Proposal, Unplaced, Why

Key = NeedKey


def first_bookable(req: PlanRequest) -> date:
    """The notice-th open day after today (invited Monday with 2 days' notice: Wednesday), or
    the window's first day when that is later."""
    day, left = req.today, req.notice_days
    while left > 0:
        day += timedelta(days=1)
        if req.is_open(day):
            left -= 1
    return max(day, req.first)


class _Planner:
    def __init__(self, req: PlanRequest) -> None:
        self.req = req
        self.first = first_bookable(req)
        self.last = req.last
        fixed = fixed_spans(req.busy)
        buffer, step = timedelta(minutes=req.buffer_minutes), timedelta(minutes=req.step_minutes)
        self.days: dict[date, Day] = {}
        day = self.first
        while day <= self.last:
            blocks = req.template.blocks(day)
            if blocks and req.is_open(day):
                self.days[day] = Day(day, blocks, fixed.get(day, ()), buffer, step)
            day += timedelta(days=1)
        self.members: dict[date, list[Need]] = {d: [] for d in self.days}
        self.layouts: dict[date, dict[Key, datetime]] = {d: {} for d in self.days}
        self.where: dict[Key, date] = {}
        self.allowed: dict[Key, list[date]] = {}

    # -- days ------------------------------------------------------------------------------

    def usable(self, need: Need, *, until: date | None) -> list[date]:
        return [d for d in self.days if (until is None or d <= until) and _not_early(need, d)
                and not _absent(need.absences, d)]

    def fits(self, day: date, members: list[Need]) -> dict[Key, datetime] | None:
        return self.days[day].pack(members)

    def add(self, day: date, need: Need) -> dict[Key, datetime] | None:
        """The day's layout with `need` added: into a gap if there is one (nobody moves),
        else the whole day packed afresh."""
        members = self.members[day]
        return self.days[day].insert(self.layouts[day], members, need) or self.fits(day, [*members, need])

    def put(self, need: Need, day: date, layout: dict[Key, datetime]) -> None:
        self.members[day].append(need)
        self.layouts[day] = layout
        self.where[need.key] = day

    # -- timely needs ----------------------------------------------------------------------

    def place_in_time(self, need: Need) -> bool:
        days = self.allowed[need.key]
        for day in days:
            layout = self.add(day, need)
            if layout is not None:
                self.put(need, day, layout)
                return True
        return self.augment(need, days)

    def augment(self, need: Need, days: list[date]) -> bool:
        """Breadth first over days. `incoming[d]` is the need a path brings to day d and
        `came_from[d]` the day it leaves (None: the new need itself)."""
        incoming: dict[date, Need] = {}
        came_from: dict[date, date | None] = {}
        queue: deque[date] = deque()
        for day in days:
            incoming[day], came_from[day] = need, None
            queue.append(day)
        while queue:
            day = queue.popleft()
            arriving = incoming[day]
            for moved in list(self.members[day]):
                rest = [m for m in self.members[day] if m.key != moved.key]
                if self.fits(day, [*rest, arriving]) is None:
                    continue
                for other in self.allowed[moved.key]:
                    if other in incoming:
                        continue
                    incoming[other], came_from[other] = moved, day
                    layout = self.add(other, moved)
                    if layout is not None:
                        self.shift(other, incoming, came_from)
                        return True
                    queue.append(other)
        return False

    def shift(self, end: date, incoming: dict[date, Need], came_from: dict[date, date | None]) -> None:
        """Apply a found path: the last day takes its newcomer, each earlier day swaps the
        one that left for the one that arrived."""
        day: date | None = end
        leaving: Need | None = None
        while day is not None:
            members = [m for m in self.members[day] if leaving is None or m.key != leaving.key]
            members.append(incoming[day])
            layout = self.fits(day, members)
            assert layout is not None, "an augmenting path was checked step by step"
            self.members[day] = members
            self.layouts[day] = layout
            self.where[incoming[day].key] = day
            leaving, day = incoming[day], came_from[day]

    # -- overdue needs ---------------------------------------------------------------------

    def place_early(self, need: Need) -> bool:
        for day in self.allowed[need.key]:
            layout = self.add(day, need)
            if layout is not None:
                self.put(need, day, layout)
                return True
        return False

    def pull_forward(self, overdue: list[Need]) -> None:
        """Repacking a day can open a gap on a day an overdue citizen was already refused.
        Move each overdue meeting into the earliest gap of the final calendar until none can
        move: only gaps are used, so no one else's meeting moves."""
        moved = True
        while moved:
            moved = False
            for need in overdue:
                current = self.where.get(need.key)
                if current is None:
                    continue
                for day in self.allowed[need.key]:
                    if day >= current:
                        break
                    layout = self.days[day].insert(self.layouts[day], self.members[day], need)
                    if layout is not None:
                        self.members[current] = [m for m in self.members[current] if m.key != need.key]
                        self.layouts[current] = {k: v for k, v in self.layouts[current].items() if k != need.key}
                        self.put(need, day, layout)
                        moved = True
                        break

    # -- reasons ---------------------------------------------------------------------------

    def why(self, need: Need, overdue: bool) -> Why:
        until = None if overdue else need.deadline
        meeting_days = [d for d in self.days if (until is None or d <= until) and _not_early(need, d)]
        if meeting_days and not self.allowed[need.key]:
            covering = [a for a in need.absences if any(a.first <= d <= a.last for d in meeting_days)]
            latest = max(covering, key=lambda a: a.last)
            return Why("absent_until", (("until", latest.last), ("kind", latest.kind)))
        if overdue or need.deadline > self.last:
            return Why("no_slot_in_window", (("first", self.first), ("last", self.last)))
        return Why("no_slot_before", (("date", need.deadline),))

    # -- the whole plan --------------------------------------------------------------------

    def run(self) -> Plan:
        needs = sorted(_unique(self.req.needs), key=lambda n: (n.deadline, n.name, n.key))
        timely = [n for n in needs if n.deadline >= self.first]
        overdue = [n for n in needs if n.deadline < self.first]
        left: list[Unplaced] = []
        for need in timely:
            self.allowed[need.key] = self.usable(need, until=need.deadline)
            if not self.place_in_time(need):
                left.append(Unplaced(need, self.why(need, overdue=False)))
        for need in overdue:
            self.allowed[need.key] = self.usable(need, until=None)
            if not self.place_early(need):
                left.append(Unplaced(need, self.why(need, overdue=True)))
        self.pull_forward(overdue)
        proposals = []
        for day, members in self.members.items():
            layout = self.layouts[day]
            for need in members:
                proposals.append(Proposal(need, layout[need.key], need.minutes, need.place))
        proposals.sort(key=lambda p: (p.start, p.need.name, p.need.key))
        left.sort(key=lambda u: (u.need.deadline, u.need.name, u.need.key))
        return Plan(tuple(proposals), tuple(left), self.first, self.last)


def _not_early(need: Need, day: date) -> bool:
    return need.earliest is None or day >= need.earliest


def _absent(absences: tuple[Absence, ...], day: date) -> bool:
    return any(a.first <= day <= a.last for a in absences)


def _unique(needs: tuple[Need, ...]) -> list[Need]:
    """One need per key (citizen, kind, course, seq); the earliest deadline wins."""
    kept: dict[Key, Need] = {}
    for need in needs:
        if need.key not in kept or need.deadline < kept[need.key].deadline:
            kept[need.key] = need
    return list(kept.values())


def make_plan(req: PlanRequest) -> Plan:
    return _Planner(req).run()
