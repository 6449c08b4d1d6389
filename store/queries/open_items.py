"""One citizen's open items as DueItem rows, the same kinds and details as the Due pane, for
the citizen screen. due.py walks the whole caseload by due date; here every query is keyed on
the one citizen, so nothing is limited by date except what due.py also limits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.db.models import (
    Citizen, DoctorRequest, Hearing, Meeting, PlanItem, PreparatoryPlan, Supplier, SupplierCourse, Task,
)
from store.errors import NotFound
from store.queries.common import judge
from store.queries.due import KINDS
from store.queries.planner import unindexed
from store.queries.rows import DueItem
from store.rules import first_period_status, profile_for


def _case_items(s: Session, c: Citizen, today: date) -> Iterator[tuple[str, int, date, str]]:
    if c.next_due is not None:
        yield "meeting_deadline", c.id, c.next_due, c.due_reason or ""
    held = s.scalars(select(Meeting.day).where(Meeting.citizen_id == c.id, Meeting.status == "held")).all()
    period = first_period_status(c.first_request, list(held))
    if period is not None and period.owed > 0:
        yield "first_period", c.id, period.period_end, str(period.owed)
    for rid, due, form in s.execute(
        select(DoctorRequest.id, DoctorRequest.answer_due, DoctorRequest.form)
        .where(DoctorRequest.citizen_id == c.id, unindexed(DoctorRequest.status) == "sent")
    ):
        yield "doctor", rid, due, form
    ending = today + timedelta(days=profile_for(today).course_ending_days)
    for course_id, report, three, end, step, supplier in s.execute(
        select(SupplierCourse.id, SupplierCourse.next_report_due, SupplierCourse.next_three_party_due,
               SupplierCourse.end, SupplierCourse.next_step, Supplier.name)
        .join(Supplier, Supplier.id == SupplierCourse.supplier_id)
        .where(SupplierCourse.citizen_id == c.id, SupplierCourse.status.in_(("ordered", "active")))
    ):
        if report is not None:
            yield "report", course_id, report, supplier
        # Like the Due pane: a far-off end is not an open item yet.
        if step is None and end <= ending:
            yield "course_end", course_id, end, supplier
        if three is not None:
            yield "three_party", course_id, three, supplier
    for hid, reply, decision, trigger in s.execute(
        select(Hearing.id, Hearing.reply_due, Hearing.decision_due, Hearing.trigger)
        .where(Hearing.citizen_id == c.id, Hearing.decided_on.is_(None))
    ):
        if reply is not None:
            yield "hearing_reply", hid, reply, trigger
        yield "hearing_decision", hid, decision, trigger
    missing = select(func.count()).where(PlanItem.plan_id == PreparatoryPlan.id, PlanItem.done.is_(False)).scalar_subquery()
    for pid, team, left in s.execute(
        select(PreparatoryPlan.id, PreparatoryPlan.team_meeting, missing)
        .where(PreparatoryPlan.citizen_id == c.id, PreparatoryPlan.status == "open", PreparatoryPlan.team_meeting.is_not(None))
    ):
        yield "plan_team", pid, team, str(left)


def open_items(session: Session, citizen_id: int, today: date) -> list[DueItem]:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotFound("citizen", citizen_id)
    # A closed case owes no meetings or reports, but a task the caseworker wrote down stays
    # open until done, as on the Due pane.
    found = list(_case_items(session, citizen, today)) if citizen.status == "active" else []
    tasks = select(Task.id, Task.due, Task.title).where(
        Task.citizen_id == citizen_id, Task.done_on.is_(None), Task.due.is_not(None)
    )
    # `Task.due.is_not(None)` above; the column's type cannot know.
    found += [("task", tid, cast(date, due), title) for tid, due, title in session.execute(tasks)]
    items = []
    for kind, ref, due, detail in found:
        left, status = judge(due, today)
        items.append(DueItem(kind, ref, citizen.id, citizen.name, citizen.cpr, due, left, status, detail))
    return sorted(items, key=lambda i: (i.due, KINDS.index(i.kind), i.ref_id))
