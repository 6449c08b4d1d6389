"""Stuck cases to bring to the monthly case-sparring: no held meeting or no contact for a
long time, a certificate long overdue, a course whose reports have stopped coming.

This looks at the whole active caseload by nature; it walks the citizens once on the status
index and answers each question with an index probe on that citizen's own rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import CTE, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, ContactEntry, DoctorRequest, Hearing, Meeting, ProgressReport, SupplierCourse
from store.db.statements import AnySelect
from store.queries.common import active_citizens
from store.queries.planner import unindexed
from store.queries.screen_rows import SparringRow
from store.queries.sparring_extra import add_debts, first_period_debts, last_discussed
from store.rules import profile_for

REASONS = ("no_meeting", "no_progress", "late_certificate", "course_without_reports", "hearing_overdue", "late_report")


def _facts(today: date, caseworker: str | None) -> CTE:
    # The thresholds are the profile's (sparring_certificate_late_days: when chasing the
    # doctor, a hearing or a supplier has clearly not worked; sparring_course_silent_days: a
    # monthly course that has missed a report and its grace period).
    profile = profile_for(today)
    late_days = profile.sparring_certificate_late_days
    last_held = (
        select(func.max(Meeting.start)).where(Meeting.citizen_id == Citizen.id, Meeting.status == "held").scalar_subquery()
    )
    last_contact = select(func.max(ContactEntry.at)).where(ContactEntry.citizen_id == Citizen.id).scalar_subquery()
    # The oldest answer due more than the profile's days ago: its age goes in the reason column.
    late = (
        select(func.min(DoctorRequest.answer_due)).where(
            DoctorRequest.citizen_id == Citizen.id, unindexed(DoctorRequest.status) == "sent",
            DoctorRequest.answer_due < today - timedelta(days=late_days),
        ).scalar_subquery()
    )
    # An undecided hearing past its decision deadline, or whose reply time ran out long ago.
    hearing = (
        select(func.min(func.coalesce(Hearing.reply_due, Hearing.decision_due))).where(
            Hearing.citizen_id == Citizen.id, unindexed(Hearing.decided_on).is_(None),
            or_(Hearing.decision_due < today, Hearing.reply_due < today - timedelta(days=late_days)),
        ).scalar_subquery()
    )
    report = (
        select(func.min(SupplierCourse.next_report_due)).where(
            SupplierCourse.citizen_id == Citizen.id, unindexed(SupplierCourse.status) == "active",
            unindexed(SupplierCourse.next_report_due) < today - timedelta(days=late_days),
            # A report received since it fell due means the supplier is reporting, only late.
            ~exists().where(ProgressReport.course_id == SupplierCourse.id,
                            ProgressReport.received >= SupplierCourse.next_report_due),
        ).scalar_subquery()
    )
    silent_since = today - timedelta(days=profile.sparring_course_silent_days)
    recent_report = exists().where(ProgressReport.course_id == SupplierCourse.id, ProgressReport.received >= silent_since)
    silent = exists().where(
        SupplierCourse.citizen_id == Citizen.id, SupplierCourse.status == "active",
        SupplierCourse.start < silent_since, ~recent_report,
    )
    stmt = select(
        Citizen.id, Citizen.cpr, Citizen.name, Citizen.first_request, last_held.label("last_held"),
        last_contact.label("last_contact"), late.label("late"), silent.label("silent"),
        hearing.label("hearing"), report.label("report"),
    )
    # MATERIALIZED: each fact is read several times below; without it SQLite inlines the
    # subquery and repeats every correlated lookup once per mention.
    return active_citizens(stmt, caseworker).cte("facts").prefix_with("MATERIALIZED")


def sparring_stmt(today: date, *, days: int | None = None, caseworker: str | None = None, limit: int | None = None) -> AnySelect:
    """`days`: stuck after that many days (None: the profile's sparring_stuck_days)."""
    days = profile_for(today).sparring_stuck_days if days is None else days
    f = _facts(today, caseworker)
    # "For `days` days" counts whole calendar days: stuck when the last event's day is at
    # least `days` days ago, i.e. strictly before midnight after the cut-off day.
    cutoff_day = today - timedelta(days=days)
    cutoff_at = datetime.combine(cutoff_day + timedelta(days=1), time.min)
    started_long_ago = f.c.first_request <= cutoff_day
    no_meeting = or_(f.c.last_held < cutoff_at, and_(f.c.last_held.is_(None), started_long_ago))
    no_progress = and_(
        or_(f.c.last_held.is_(None), f.c.last_held < cutoff_at),
        or_(f.c.last_contact.is_(None), f.c.last_contact < cutoff_at),
        started_long_ago,
    )
    conds = (no_meeting, no_progress, f.c.late.is_not(None), f.c.silent, f.c.hearing.is_not(None), f.c.report.is_not(None))
    flags = [case((cond, 1), else_=0) for cond in conds]
    scored = select(f, *(flag.label(name) for flag, name in zip(flags, REASONS))).subquery("scored")
    s = scored.c
    total = sum((s[name] for name in REASONS[1:]), s[REASONS[0]])
    stmt = (
        select(s.id, s.cpr, s.name, s.last_held, s.last_contact, s.first_request, s.late, s.hearing, s.report,
               *(s[name] for name in REASONS))
        .where(total > 0)
        # Never met counts from the first request: that is how long the case has gone unmet.
        .order_by(total.desc(), func.coalesce(s.last_held, s.first_request), s.name, s.id)
    )
    return stmt.limit(limit) if limit is not None else stmt


def sparring(
    session: Session, today: date, *, days: int | None = None, caseworker: str | None = None, limit: int | None = None
) -> list[SparringRow]:
    """`days` without a held meeting (default: the profile's), plus overdue hearings, late
    certificates and reports (the profile's days), and first-period debts."""
    stmt = sparring_stmt(today, days=days, caseworker=caseworker)
    rows: dict[int, SparringRow] = {}
    since: dict[int, date] = {}
    for cid, cpr, name, held, contact, first, late, hearing, report, *marks in session.execute(stmt):
        last = max((v for v in (held, contact) if v is not None), default=None)
        reasons = tuple(reason for reason, mark in zip(REASONS, marks) if mark)
        if "course_without_reports" in reasons:  # the same silent course said twice
            reasons = tuple(r for r in reasons if r != "late_report")
        since[cid] = held or datetime.combine(first, time.min)
        ages = {
            "no_meeting": (today - (held.date() if held else first)).days,
            "no_progress": (today - (last.date() if last else first)).days,
            "late_certificate": (today - late).days if late else 0,
            "hearing_overdue": (today - hearing).days if hearing else 0,
            "late_report": (today - report).days if report else 0,
        }
        rows[cid] = SparringRow(
            citizen_id=cid, cpr=cpr, name=name, reasons=reasons,
            days_since_meeting=(today - held.date()).days if held else None,
            days_since_contact=(today - last.date()).days if last else None,
            days=tuple((r, ages[r]) for r in reasons if r in ages),
        )
    found = first_period_debts(session, today, caseworker=caseworker)
    rows = add_debts(session, rows, found)
    discussed = last_discussed(session, list(rows))
    # Most reasons first, then the longest without a held meeting (never met: since the request).
    ordered = sorted(rows.values(), key=lambda r: (-len(r.reasons), since.get(r.citizen_id, datetime.combine(today, time.min)), r.name, r.citizen_id))
    out = [replace(r, discussed_on=discussed.get(r.citizen_id)) for r in ordered]
    return out[:limit] if limit is not None else out

