"""A plan for the store's caseload: read the needs and the calendar in one session, then plan
(pure). The command line and the screen both call this."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from store.db.session import reading
from store.planning.model import Plan, PlanRequest, PlanSettings
from store.planning.needs import horizon, load_busy, load_needs
from store.planning.planner import first_bookable, make_plan
from store.rules import is_open_day


def request_for(store: Any, *, first: date | None, weeks: int, settings: PlanSettings) -> PlanRequest:
    today = store.today()
    start = first or today
    last = start + timedelta(days=7 * weeks - 1)
    reachable = first_bookable(PlanRequest(today=today, needs=(), is_open=is_open_day, start=start, weeks=weeks,
                                           notice_days=settings.notice_days))
    with reading(store.engine) as s:
        needs = load_needs(s, today=today, until=horizon(last, settings.notice_days, is_open_day),
                           caseworker=store.caseworker, reachable=reachable)
        busy = load_busy(s, first=min(start, today), last=last, caseworker=store.caseworker)
    return PlanRequest(
        today=today, needs=needs, template=settings.template, is_open=is_open_day, start=start, weeks=weeks,
        notice_days=settings.notice_days, buffer_minutes=settings.buffer_minutes, busy=busy,
    )


def plan_for(store: Any, *, first: date | None = None, weeks: int = 2, settings: PlanSettings | None = None) -> Plan:
    return make_plan(request_for(store, first=first, weeks=weeks, settings=settings or PlanSettings()))


def without_timely_booking(
    store: Any, *, first: date | None = None, weeks: int = 2, notice_days: int = 2
) -> tuple[int, int]:
    """Citizens with no meeting booked in time: (those whose deadline falls in the window and
    can still be met after the notice, those whose deadline is out of reach and who have no
    meeting planned at all). A plan is meant to bring the first down to the citizens it lists
    with a reason, and the second as far as the calendar has room."""
    today = store.today()
    req = PlanRequest(today=today, needs=(), is_open=is_open_day, start=first, weeks=weeks, notice_days=notice_days)
    reachable = first_bookable(req)
    with reading(store.engine) as s:
        needs = load_needs(s, today=today, until=req.last, caseworker=store.caseworker, reachable=reachable)
    in_window = {n.citizen_id for n in needs if n.deadline >= reachable}
    out_of_reach = {n.citizen_id for n in needs if n.deadline < reachable}
    return len(in_window), len(out_of_reach)
