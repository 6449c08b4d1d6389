"""One citizen row from a shape, its history, and the random extras an ordinary case has."""

from __future__ import annotations

from store.db.models import Citizen
from store.demo import courses, doctor, hearings, plans, tasks, texts
from store.demo.context import Ctx
from store.demo.history import Story, write_history
from store.demo.person import Person, make_person
from store.demo.shape import Shape


def add_citizen(ctx: Ctx, shape: Shape) -> tuple[int, Story, Person]:
    person = make_person(ctx.rng, ctx.today, ctx.cprs, international=shape.international)
    cid = ctx.rows.add(
        Citizen, cpr=person.cpr, name=person.name, phone=person.phone, email=person.email, address=person.address,
        first_request=shape.first_request, interval=shape.interval, preferred_place=shape.preferred_place,
        interpreter_language=person.language, status="closed" if shape.closed_on else "active",
        closed_on=shape.closed_on, outcome=shape.outcome,
        outcome_note=texts.OUTCOME_NOTES[shape.outcome] if shape.outcome else None, caseworker=ctx.caseworker,
    )
    story = write_history(ctx, cid, shape)
    # Every citizen's old no-shows are decided, the scenarios' citizens' too.
    hearings.random_hearings(ctx, cid, story.no_shows)
    return cid, story, person


def add_extras(ctx: Ctx, cid: int, shape: Shape, story: Story, person: Person) -> None:
    active = shape.closed_on is None
    if active:
        doctor.random_requests(ctx, cid, shape.first_request)
        plans.random_plan(ctx, cid, shape.first_request)
        tasks.random_task(ctx, cid)
    courses.random_course(ctx, cid, shape.first_request, active)
    plans.random_network(ctx, cid, shape.first_request, person.language)
    tasks.random_flag(ctx, cid, shape.first_request, person.language)
