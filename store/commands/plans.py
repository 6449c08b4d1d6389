"""The preparatory plan for the rehabilitation team, and the people around the citizen."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.checks import bump, fetch, one_of, text
from store.db.models import Citizen, NetworkPerson, PlanItem, PreparatoryPlan
from store.errors import Invalid
from store.records import NETWORK_ROLES, PLAN_ITEM_KEYS, RECOMMENDATIONS
from store.rules import profile_for


def open_plan(session: Session, *, citizen_id: int, team_meeting: date | None = None, today: date | None = None) -> int:
    fetch(session, Citizen, citizen_id)
    existing = session.scalar(
        select(PreparatoryPlan.id).where(PreparatoryPlan.citizen_id == citizen_id, PreparatoryPlan.status == "open")
    )
    if existing is not None:
        raise Invalid("plan", "the citizen already has an open preparatory plan", "plan.exists")
    plan = PreparatoryPlan(citizen_id=citizen_id, team_meeting=team_meeting, status="open")
    session.add(plan)
    session.flush()
    # The checklist is profile data (it includes "borgerens ønsker" from the 2025 profile on).
    keys = profile_for(today).workflows.plan_items if today is not None else PLAN_ITEM_KEYS
    for position, key in enumerate(keys):
        session.add(PlanItem(plan_id=plan.id, key=key, position=position, done=False))
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
