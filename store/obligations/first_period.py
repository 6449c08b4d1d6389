"""first_period: 4 held meetings in the first 6 months (profile numbers), at a pace that still
fits them. Due: the pace date of the next meeting. Done: the last owed meeting is held, or the
period is over (then only the next-meeting deadline remains)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.db.statements import AnySelect
from store.obligations.build import make, next_planned
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import first_period_pace, load_profiles, open_days_between, profile_for_history


def _earliest_request(today: date) -> date:
    """No citizen whose first request is older than the longest first period can owe anything."""
    months = max(profile.first_period_months for profile in load_profiles())
    return today - timedelta(days=31 * months + 1)


def _citizens(scope: Scope) -> AnySelect:
    planned = next_planned(Citizen.id, scope.today).label("planned")
    return scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, Citizen.first_request, planned)
        .where(Citizen.first_request >= _earliest_request(scope.today), Citizen.first_request <= scope.today),
        drive=False,  # from the recent first requests (ix_citizen_first_request), not every citizen
    )


def _held(scope: Scope) -> AnySelect:
    # The held days of those citizens: the citizens from their first requests' index, then
    # each one's meetings from ix_meeting_citizen_start (not every active citizen's).
    recent = scope.citizens(
        select(Citizen.id).where(Citizen.first_request >= _earliest_request(scope.today)), drive=False,
    )
    return select(Meeting.citizen_id, Meeting.day).where(Meeting.status == "held", Meeting.citizen_id.in_(recent))


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    rows = scope.run(s, __name__ + ".citizens", lambda: _citizens(scope)).all()
    if not rows:
        return
    held: dict[int, list[date]] = defaultdict(list)
    for cid, day in scope.run(s, __name__ + ".held", lambda: _held(scope)):
        held[cid].append(day)
    most = max(profile.first_period_min_meetings for profile in load_profiles())
    # Surely inside every profile's period: a month is at least 28 days.
    inside = timedelta(days=28 * min(profile.first_period_months for profile in load_profiles()))
    for cid, name, cpr, first_request, booked in rows:
        days = held.get(cid, [])
        if len({day for day in days if first_request <= day < first_request + inside}) >= most:
            continue  # done (half the citizens in their first months): the pace says so too, dearer
        pace = first_period_pace(first_request, days)
        if pace is None or scope.today > pace.period_end or not scope.wants(pace.due):
            continue
        profile = profile_for_history(first_request)
        args = {"required": pace.required, "months": profile.first_period_months, "owed": pace.owed,
                "period_end": pace.period_end, "base": pace.base, "first_request": first_request}
        # Past its date it is overdue whatever is left (judge_obligation): the open days left
        # only matter before it, and counting them is the dearest step here.
        work = {"work_left": pace.owed}
        if pace.due >= scope.today:
            work["open_days_left"] = open_days_between(scope.today, pace.period_end, profile)
        yield make(scope, "first_period", "citizen", cid, (cid, name, cpr), pace.due,
                   "obligation.reason.first_period", args, planned=booked, **work)
