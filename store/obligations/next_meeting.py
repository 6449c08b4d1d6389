"""next_meeting: the citizen's next-meeting deadline (stored on the citizen by derive), with
the booked meeting that will meet it. Done when a meeting is held (a new deadline follows)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen
from store.db.statements import AnySelect
from store.obligations.build import make, next_planned
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import profile_for_history


DUE = Citizen.next_due  # the due date itself: a page of the day reads it by index


def statement(scope: Scope) -> AnySelect:
    """One row per obligation (none dropped in Python): the day's pages count and probe it."""
    planned = next_planned(Citizen.id, scope.today).label("planned")
    return scope.citizens(select(
        Citizen.id, Citizen.name, Citizen.cpr, Citizen.next_due, Citizen.due_reason, Citizen.due_base,
        Citizen.due_raw, Citizen.due_paused_days, Citizen.interval, Citizen.first_request, planned,
    ).where(Citizen.next_due.is_not(None)))


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    rows = scope.run(s, __name__, lambda: scope.bound(statement(scope), DUE))
    for cid, name, cpr, due, why, base, raw, paused, interval, first_request, booked in rows:
        why = why or "interval"
        profile = profile_for_history(base or first_request)
        args: dict[str, object] = {"base": base}
        if why == "first_meeting":
            args["days"] = profile.first_meeting_days
        elif why == "interval":
            args["interval"] = interval or str(profile.default_interval)
            args["default"] = "" if interval else "1"
        else:
            first = profile_for_history(first_request)
            args.update(required=first.first_period_min_meetings, months=first.first_period_months)
        if paused:
            args["paused"] = paused
        # Moved off a closed day only when the date differs from raw + absence days: an
        # absence pause is not a closed-day move.
        if raw is not None and raw + timedelta(days=paused or 0) != due:
            args["moved_from"] = raw + timedelta(days=paused or 0)
        yield make(scope, "next_meeting", "citizen", cid, (cid, name, cpr), due,
                   f"obligation.reason.next_meeting.{why}", args, planned=booked)
