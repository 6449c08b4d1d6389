"""rehab_team: an open preparatory plan with a team date must be complete the profile's
rehab_team_preparation_days before it (moved to an open day). Done: every checklist item is
ticked (or the plan is decided)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, PlanItem, PreparatoryPlan
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import load_profiles, profile_for_history, rehab_preparation_due


def statement(scope: Scope) -> AnySelect:
    missing = select(func.count()).where(PlanItem.plan_id == PreparatoryPlan.id, PlanItem.done.is_(False)).scalar_subquery()
    total = select(func.count()).where(PlanItem.plan_id == PreparatoryPlan.id).scalar_subquery()
    stmt = scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, PreparatoryPlan.id, PreparatoryPlan.team_meeting,
               missing.label("missing"), total.label("total"))
        .join(PreparatoryPlan, PreparatoryPlan.citizen_id == Citizen.id)
        .where(PreparatoryPlan.status == "open", PreparatoryPlan.team_meeting.is_not(None)),
        drive=False,  # from the open plans (a few thousand), not every active citizen
    )
    lead = max(profile.rehab_team_preparation_days for profile in load_profiles()) + 7  # + a closed stretch
    return scope.bound(stmt, PreparatoryPlan.team_meeting, lead)


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    for cid, name, cpr, pid, team, left, count in scope.run(s, __name__, lambda: statement(scope)):
        if not left:
            continue
        profile = profile_for_history(team)
        due = rehab_preparation_due(team, profile)
        if scope.wants(due):
            yield make(scope, "rehab_team", "plan", pid, (cid, name, cpr), due, "obligation.reason.rehab_team",
                       {"team": team, "days": profile.rehab_team_preparation_days, "missing": left, "total": count},
                       work_left=1)
