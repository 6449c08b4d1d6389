"""One open obligation: what is owed, by when, how urgent, why (the rule and its numbers),
when it is done, and for meeting-type kinds the booked meeting that will meet it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from store.rules import Status

# Worst-first order among obligations of the same status and date.
KINDS = (
    "next_meeting", "first_period", "sanction_decision", "hearing_reply", "offer", "three_party",
    "doctor_answer", "report", "report_read", "course_end", "rehab_team", "task",
)
# Kinds met by holding a meeting: they show the booked meeting, or that none is booked.
MEETING_KINDS = frozenset({"next_meeting", "first_period", "three_party"})


@dataclass(frozen=True, slots=True)
class Obligation:
    kind: str  # one of KINDS
    ref_id: int  # the row it belongs to: citizen, hearing, meeting, request, course, plan, task
    citizen_id: int | None  # None: a task of the caseworker's own
    name: str
    cpr: str
    due: date
    days_left: int
    status: Status
    # The reason, as a catalog key ("obligation.reason.<kind>[...]") and its values, all
    # plain text (dates ISO): the store speaks no language; the command line and panes do.
    reason: str
    reason_args: tuple[tuple[str, str], ...]
    done_when: str  # catalog key of the done-condition ("obligation.done.<kind>")
    planned: datetime | None = None  # the booked meeting that will meet it (meeting kinds)
    ref_kind: str = ""  # what ref_id names: "citizen", "hearing", "meeting", ...

    @property
    def meeting_kind(self) -> bool:
        return self.kind in MEETING_KINDS

    @property
    def booked_late(self) -> bool:
        """Booked, but on a day after the deadline."""
        return self.planned is not None and self.planned.date() > self.due

    @property
    def key(self) -> tuple[str, str, int]:
        """Stable identity across refreshes: the same obligation keeps its key as dates move."""
        return (self.kind, self.ref_kind, self.ref_id)

    def args(self) -> dict[str, str]:
        return dict(self.reason_args)


def order_key(item: Obligation) -> tuple[int, date, int, str, int]:
    """Worst first: overdue before soon before ok, then the earliest date, then kind and name."""
    return (item.status.rank, item.due, KINDS.index(item.kind), item.name, item.ref_id)
