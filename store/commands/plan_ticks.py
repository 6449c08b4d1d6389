"""Checklist items of the preparatory plan that tick themselves when the thing they ask for
is registered elsewhere."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.checks import bump
from store.db.models import DoctorRequest, PlanItem, PreparatoryPlan


def tick_lae265(session: Session, request: DoctorRequest, today: date) -> None:
    """A LÆ 265 answer is the plan's LÆ 265 item: tick it on the citizen's open plan."""
    if request.form != "LÆ 265":
        return
    stmt = (select(PlanItem).join(PreparatoryPlan, PreparatoryPlan.id == PlanItem.plan_id)
            .where(PreparatoryPlan.citizen_id == request.citizen_id, PreparatoryPlan.status == "open",
                   PlanItem.key == "lae265", PlanItem.done.is_(False)))
    for item in session.scalars(stmt):
        item.done = True
        item.done_on = request.answered or today
        bump(item)
