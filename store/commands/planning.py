"""Accepting a plan: every accepted proposal becomes a planned meeting, all in one transaction,
so one undo takes the whole plan back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.meetings import plan as plan_meeting
from store.planning.model import Proposal


def meeting_kind(proposal: Proposal) -> str:
    return "three_party" if proposal.need.kind == "three_party" else "job"


@dataclass(frozen=True)
class AcceptPlan(Command[tuple[int, ...]]):
    """Returns the new meetings' ids, in the proposals' order."""

    label: ClassVar[str] = "planning.accept"
    proposals: tuple[Proposal, ...]

    def apply(self, session: Session, ctx: Context) -> tuple[int, ...]:
        return tuple(
            plan_meeting(
                session, citizen_id=p.need.citizen_id, start=p.start, minutes=p.minutes, place=p.place,
                kind=meeting_kind(p), course_id=p.need.course_id,
            )
            for p in self.proposals
        )

    def shown(self) -> dict[str, object]:
        return {"proposals": len(self.proposals)}
