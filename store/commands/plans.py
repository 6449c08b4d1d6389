"""The preparatory plan for the rehabilitation team, and the people around the citizen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, one_of, text
from store.db.models import Citizen, NetworkPerson, PlanItem, PreparatoryPlan
from store.errors import Invalid
from store.records import NETWORK_ROLES, RECOMMENDATIONS
from store.rules import profile_for_history


def open_plan(session: Session, *, citizen_id: int, team_meeting: date | None = None, today: date | None = None) -> int:
    """The checklist comes from the rule profile in force on the team date (or today)."""
    fetch(session, Citizen, citizen_id)
    existing = session.scalar(
        select(PreparatoryPlan.id).where(PreparatoryPlan.citizen_id == citizen_id, PreparatoryPlan.status == "open")
    )
    if existing is not None:
        raise Invalid("plan", "the citizen already has an open preparatory plan", "plan.exists")
    plan = PreparatoryPlan(citizen_id=citizen_id, team_meeting=team_meeting, status="open")
    session.add(plan)
    session.flush()
    checklist = profile_for_history(team_meeting or today or date.today()).rehab_checklist
    for position, item in enumerate(checklist):
        session.add(PlanItem(plan_id=plan.id, key=item.key, position=position, done=False))
    session.flush()
    return plan.id


def tick(session: Session, *, item_id: int, done: bool, today: date, note: str | None = None) -> None:
    item = fetch(session, PlanItem, item_id)
    item.done = done
    item.done_on = today if done else None
    if note is not None:
        item.note = text("note", note)
    bump(item)


def set_team_meeting(session: Session, *, plan_id: int, team_meeting: date | None) -> None:
    plan = fetch(session, PreparatoryPlan, plan_id)
    plan.team_meeting = team_meeting
    bump(plan)


def record_decision(
    session: Session, *, plan_id: int, recommendation: str, decision: str | None, decided_on: date
) -> None:
    plan = fetch(session, PreparatoryPlan, plan_id)
    plan.recommendation = one_of("recommendation", recommendation, RECOMMENDATIONS)
    plan.decision = text("decision", decision)
    plan.decided_on = decided_on
    plan.status = "decided"
    bump(plan)


def add_person(
    session: Session, *, citizen_id: int, role: str, name: str, organisation: str | None = None,
    contact: str | None = None, starts: date | None = None,
) -> int:
    fetch(session, Citizen, citizen_id)
    person = NetworkPerson(
        citizen_id=citizen_id, role=one_of("role", role, NETWORK_ROLES), name=text("name", name, required=True, limit=200),
        organisation=text("organisation", organisation, limit=200), contact=text("contact", contact, limit=300),
        starts=starts,
    )
    session.add(person)
    session.flush()
    return person.id


def edit_person(session: Session, *, person_id: int, expected_version: int | None = None, **changes: object) -> None:
    person = fetch(session, NetworkPerson, person_id, expected_version)
    if "role" in changes:
        person.role = one_of("role", str(changes.pop("role")), NETWORK_ROLES)
    if "name" in changes:
        person.name = text("name", changes.pop("name"), required=True, limit=200)  # type: ignore[assignment,arg-type]
    for key in ("organisation", "contact"):
        if key in changes:
            setattr(person, key, text(key, changes.pop(key), limit=300))  # type: ignore[arg-type]
    if changes:
        raise Invalid(sorted(changes)[0], "cannot edit that field", "value.not_editable")
    bump(person)


def end_person(session: Session, *, person_id: int, ends: date) -> None:
    person = fetch(session, NetworkPerson, person_id)
    if person.starts and ends < person.starts:
        raise Invalid("ends", "the end is before the start", "date.end_before_start")
    person.ends = ends
    bump(person)


# -- the commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenPlan(Command[int]):
    label: ClassVar[str] = "plans.open_plan"
    citizen_id: int
    team_meeting: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return open_plan(session, citizen_id=self.citizen_id, team_meeting=self.team_meeting)


@dataclass(frozen=True)
class TickPlanItem(Command[None]):
    label: ClassVar[str] = "plans.tick"
    item_id: int
    done: bool
    note: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        tick(session, item_id=self.item_id, done=self.done, today=ctx.today, note=self.note)


@dataclass(frozen=True)
class SetTeamMeeting(Command[None]):
    label: ClassVar[str] = "plans.set_team_meeting"
    plan_id: int
    team_meeting: date | None

    def apply(self, session: Session, ctx: Context) -> None:
        set_team_meeting(session, plan_id=self.plan_id, team_meeting=self.team_meeting)


@dataclass(frozen=True)
class RecordDecision(Command[None]):
    label: ClassVar[str] = "plans.record_decision"
    plan_id: int
    recommendation: str
    decision: str | None
    decided_on: date

    def apply(self, session: Session, ctx: Context) -> None:
        record_decision(session, plan_id=self.plan_id, recommendation=self.recommendation, decision=self.decision,
                        decided_on=self.decided_on)


@dataclass(frozen=True)
class AddPerson(Command[int]):
    label: ClassVar[str] = "plans.add_person"
    citizen_id: int
    role: str
    name: str
    organisation: str | None = None
    contact: str | None = None
    starts: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return add_person(session, citizen_id=self.citizen_id, role=self.role, name=self.name,
                          organisation=self.organisation, contact=self.contact, starts=self.starts)


@dataclass(frozen=True)
class EditPerson(Command[None]):
    label: ClassVar[str] = "plans.edit_person"
    person_id: int
    changes: Mapping[str, Any] = field(default_factory=dict, hash=False)
    expected_version: int | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        edit_person(session, person_id=self.person_id, expected_version=self.expected_version, **self.changes)

    def shown(self) -> dict[str, Any]:
        return dict(self.changes)


@dataclass(frozen=True)
class EndPerson(Command[None]):
    label: ClassVar[str] = "plans.end_person"
    person_id: int
    ends: date

    def apply(self, session: Session, ctx: Context) -> None:
        end_person(session, person_id=self.person_id, ends=self.ends)
