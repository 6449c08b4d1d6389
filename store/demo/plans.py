"""Preparatory plans for the rehabilitation team, and the people around the citizen."""

from __future__ import annotations

from datetime import date, timedelta

from store.db.models import NetworkPerson, PlanItem, PreparatoryPlan
from store.demo import names, texts
from store.demo.context import Ctx
from store.demo.person import phone
from store.records import NETWORK_ROLES, RECOMMENDATIONS
from store.rules import profile_for_history


def checklist(team_meeting: date) -> tuple[str, ...]:
    """The checklist is the rule profile's, as for a plan opened in the program."""
    return tuple(item.key for item in profile_for_history(team_meeting).rehab_checklist)


def add_plan(ctx: Ctx, cid: int, team_meeting: date, ticked: int, *, decided: str | None = None) -> int:
    """A plan with its checklist in the standard order; the first `ticked` items are done.
    A decided plan carries the team's recommendation."""
    today = ctx.today
    plan_id = ctx.rows.add(
        PreparatoryPlan, citizen_id=cid, team_meeting=team_meeting, recommendation=decided,
        decision=texts.PLAN_DECISIONS[decided] if decided else None,
        decided_on=team_meeting if decided else None, status="decided" if decided else "open",
    )
    keys = checklist(team_meeting)
    for position, key in enumerate(keys):
        done = position < ticked
        done_on = min(today, team_meeting) - timedelta(days=(len(keys) - position) * 4) if done else None
        ctx.rows.add(PlanItem, plan_id=plan_id, key=key, position=position, done=done, done_on=done_on,
                     note=texts.PLAN_NOTES[key] if done else None)
    return plan_id


def random_plan(ctx: Ctx, cid: int, first_request: date) -> None:
    rng, today = ctx.rng, ctx.today
    if (today - first_request).days < 365:
        return
    roll = rng.random()
    if roll < 0.04:
        team = today + timedelta(days=rng.randint(15, 70))
        add_plan(ctx, cid, team, rng.randint(0, len(checklist(team)) - 1))
    elif roll < 0.07:
        team = today - timedelta(days=rng.randint(30, 300))
        add_plan(ctx, cid, team, len(checklist(team)), decided=rng.choice(RECOMMENDATIONS))


def add_person(ctx: Ctx, cid: int, role: str, starts: date | None) -> None:
    rng = ctx.rng
    first = rng.choice(names.FEMALE + names.MALE)
    ctx.rows.add(NetworkPerson, citizen_id=cid, role=role, name=f"{first} {rng.choice(names.SURNAMES)}",
                 organisation=rng.choice(names.ORGANISATIONS[role]), contact=phone(rng), starts=starts, ends=None)


def random_network(ctx: Ctx, cid: int, first_request: date, language: str | None) -> None:
    rng = ctx.rng
    if language:
        add_person(ctx, cid, "interpreter", first_request)
    if rng.random() < 0.5:
        roles = rng.sample(NETWORK_ROLES[:-1], rng.randint(1, 3))
        for role in roles:
            if role != "interpreter":
                add_person(ctx, cid, role, first_request + timedelta(days=rng.randint(0, 60)))
