"""Hearings (partshøring) after a missed meeting, with deadlines from the rules."""

from __future__ import annotations

from datetime import date, timedelta

from store.db.models import Hearing
from store.demo import texts
from store.demo.context import Ctx
from store.records import HEARING_OUTCOMES
from store.rules import hearing_reply_due, profile_for_history, sanction_decision_due


def add_hearing(ctx: Ctx, cid: int, meeting_id: int | None, failure: date, sent: date,
                outcome: str | None = None, decided_on: date | None = None) -> int:
    return ctx.rows.add(
        Hearing, citizen_id=cid, meeting_id=meeting_id, trigger=texts.NO_SHOW, failure_date=failure, sent=sent,
        reply_due=hearing_reply_due(sent, profile_for_history(sent)),
        decision_due=sanction_decision_due(failure, profile_for_history(failure)),
        outcome=outcome, decided_on=decided_on,
    )


def random_hearings(ctx: Ctx, cid: int, no_shows: list[tuple[int, date]]) -> None:
    """Older no-shows are long since decided, as a careful caseworker leaves them: some after a
    hearing, the rest without one (no sanction). Recent ones are still open, with their
    deadline ahead: a demo full of year-old undecided no-shows would drown the real day."""
    rng, today = ctx.rng, ctx.today
    for meeting_id, day in no_shows:
        if (today - day).days < 120:
            continue
        if rng.random() >= 0.35:
            ctx.rows.add(
                Hearing, citizen_id=cid, meeting_id=meeting_id, trigger=texts.NO_SHOW, failure_date=day, sent=None,
                reply_due=None, decision_due=sanction_decision_due(day, profile_for_history(day)),
                outcome="no_sanction", decided_on=day + timedelta(days=rng.randint(2, 20)),
            )
            continue
        sent = day + timedelta(days=rng.randint(1, 5))
        decided = sent + timedelta(days=rng.randint(15, 40))
        add_hearing(ctx, cid, meeting_id, day, sent, rng.choice(HEARING_OUTCOMES), decided)
