"""The caseload's open-items count: the number of obligations the obligations model
(store.obligations) lists for the citizen, kind by kind, as SQL that runs for the page's rows
only (and in the quick first-page reader, store.quick, before SQLAlchemy loads).

Two kinds depend on the rule profile in force on the first request and are finished in
Python by `rule_counted` (store.queries.caseload_rows): the first period (from the held days
since the first request) and the offer (whether a course has started). Everything else is a
stored column or a date the model does not recompute. tests/queries/test_caseload_count.py
holds the count against the model, citizen by citizen."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, and_, case, exists, func, or_, select

from store.db.models import (
    DoctorRequest, Hearing, Meeting, PlanItem, PreparatoryPlan, ProgressReport, SupplierCourse, Task,
)
from store.obligations.report import RUNNING
from store.queries.planner import unindexed


def _count(*where: ColumnElement[bool], of: Any) -> ScalarSelect[int]:
    return select(func.count()).select_from(of).where(*where).scalar_subquery()


def counted_in_sql(cid: ColumnElement[Any], next_due: ColumnElement[Any]) -> ColumnElement[int]:
    """Every kind but first_period and offer, one term each (the module each mirrors)."""
    running = and_(SupplierCourse.citizen_id == cid, SupplierCourse.status.in_(RUNNING))
    accepted = exists().where(Meeting.id == Hearing.meeting_id, Meeting.absence_accepted.is_(True))
    missing = exists().where(PlanItem.plan_id == PreparatoryPlan.id, PlanItem.done.is_(False))
    terms: list[ColumnElement[int]] = [
        # next_meeting: the stored deadline
        case((next_due.is_not(None), 1), else_=0),
        # hearing_reply: undecided, with a reply deadline
        _count(Hearing.citizen_id == cid, Hearing.decided_on.is_(None), Hearing.reply_due.is_not(None), of=Hearing),
        # sanction_decision: undecided hearings whose no-show is not accepted ...
        _count(Hearing.citizen_id == cid, Hearing.decided_on.is_(None), ~accepted, of=Hearing),
        # ... and no-shows with no hearing, neither accepted nor decided ("decide later")
        _count(Meeting.citizen_id == cid, Meeting.status == "no_show",
               or_(Meeting.absence_accepted.is_(False), Meeting.absence_accepted.is_(None)),
               ~exists().where(Hearing.meeting_id == Meeting.id), of=Meeting),
        # doctor_answer: sent, not answered or cancelled
        _count(DoctorRequest.citizen_id == cid, unindexed(DoctorRequest.status) == "sent", of=DoctorRequest),
        # report, three_party, course_end: a running course's stored dates and next step
        _count(running, SupplierCourse.next_report_due.is_not(None), of=SupplierCourse),
        _count(running, SupplierCourse.next_three_party_due.is_not(None), of=SupplierCourse),
        _count(running, SupplierCourse.next_step.is_(None), of=SupplierCourse),
        # report_read: a report received and not yet read, any course of the citizen
        select(func.count()).select_from(ProgressReport)
        .join(SupplierCourse, SupplierCourse.id == ProgressReport.course_id)
        .where(SupplierCourse.citizen_id == cid, ProgressReport.read_on.is_(None)).scalar_subquery(),
        # rehab_team: an open plan with a team date and a checklist item left
        _count(PreparatoryPlan.citizen_id == cid, PreparatoryPlan.status == "open",
               PreparatoryPlan.team_meeting.is_not(None), missing, of=PreparatoryPlan),
        # task: dated and not done
        _count(Task.citizen_id == cid, Task.done_on.is_(None), Task.due.is_not(None), of=Task),
    ]
    total: ColumnElement[int] = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def held_since_request(cid: ColumnElement[Any], first_request: ColumnElement[Any]) -> ScalarSelect[int]:
    """Distinct days with a held meeting on or after the first request: the first period's
    count (held means held: a meeting is never marked held before its day, so every such day
    up to today lies in the period while the period runs)."""
    return (
        select(func.count(Meeting.day.distinct()))
        .where(Meeting.citizen_id == cid, Meeting.status == "held", Meeting.day >= first_request)
        .scalar_subquery()
    )


def course_started(cid: ColumnElement[Any], today: date) -> ColumnElement[bool]:
    """The offer is made once a course has started."""
    return exists().where(SupplierCourse.citizen_id == cid, SupplierCourse.start <= today)
