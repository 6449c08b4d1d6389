"""The caseworker's own to-do items and standing flags on a citizen."""

from __future__ import annotations

from datetime import date, timedelta

from store.db.models import CitizenFlag, Task
from store.demo import texts
from store.demo.context import Ctx


def add_task(ctx: Ctx, cid: int | None, title: str, due: date | None, done_on: date | None = None) -> int:
    return ctx.rows.add(Task, citizen_id=cid, title=title, due=due, done_on=done_on)


def random_task(ctx: Ctx, cid: int) -> None:
    rng, today = ctx.rng, ctx.today
    if rng.random() >= 0.15:
        return
    due = today + timedelta(days=rng.randint(-20, 30))
    done = due < today and rng.random() < 0.6
    add_task(ctx, cid, rng.choice(texts.TASKS), due, due - timedelta(days=rng.randint(0, 2)) if done else None)


def random_flag(ctx: Ctx, cid: int, first_request: date, language: str | None) -> None:
    rng = ctx.rng
    if language:
        ctx.rows.add(CitizenFlag, citizen_id=cid, text=f"Tolk: {language}", starts=first_request, ends=None)
    elif rng.random() < 0.08:
        ctx.rows.add(CitizenFlag, citizen_id=cid, text=rng.choice(texts.FLAGS), starts=None, ends=None)
