"""Supplier courses: order, progress reports, three-party meetings, adjust, stop, next step."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.checks import bump, fetch, not_after, text
from store.db.models import Citizen, ProgressReport, Supplier, SupplierCourse
from store.errors import Invalid
from store.rules import Interval, profile_for_history


def _cadence(field: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return str(Interval.parse(value))
    except ValueError as exc:
        raise Invalid(field, str(exc), "interval.invalid", value=value) from exc


def supplier_id(session: Session, name: str) -> int:
    """The supplier of that name, created on first use: a caseworker types names, not ids."""
    name = text("supplier", name, required=True, limit=200)  # type: ignore[assignment]
    found = session.scalar(select(Supplier.id).where(Supplier.name == name))
    if found is not None:
        return found
    supplier = Supplier(name=name)
    session.add(supplier)
    session.flush()
    return supplier.id


def order(
    session: Session,
    *,
    citizen_id: int,
    supplier: str,
    title: str,
    start: date,
    end: date,
    report_cadence: str | None = None,
    purpose: str | None = None,
    plan: str | None = None,
    three_party_interval: str | None = None,
) -> int:
    fetch(session, Citizen, citizen_id)
    if end < start:
        raise Invalid("end", "the course ends before it starts", "date.end_before_start")
    course = SupplierCourse(
        citizen_id=citizen_id, supplier_id=supplier_id(session, supplier), title=text("title", title, required=True, limit=300),
        purpose=text("purpose", purpose), plan=text("plan", plan), start=start, end=end,
        # No cadence typed: the profile's default (rules are data, not code).
        report_cadence=_cadence("report_cadence", report_cadence)
        or str(profile_for_history(start).default_report_cadence),
        three_party_interval=_cadence("three_party_interval", three_party_interval), status="active",
    )
    session.add(course)
    session.flush()
    return course.id


def register_report(
    session: Session, *, course_id: int, received: date, today: date, read: bool = False, summary: str | None = None,
    expected: date | None = None,
) -> int:
    course = fetch(session, SupplierCourse, course_id)
    report = ProgressReport(
        course_id=course.id, received=not_after("received", received, today), read_on=today if read else None,
        summary=text("summary", summary), expected=expected or course.next_report_due,
    )
    session.add(report)
    session.flush()
    return report.id


def mark_report_read(session: Session, *, report_id: int, today: date) -> None:
    report = fetch(session, ProgressReport, report_id)
    report.read_on = today
    bump(report)


def three_party_held(session: Session, *, course_id: int, held_on: date, today: date) -> None:
    course = fetch(session, SupplierCourse, course_id)
    course.last_three_party = not_after("held_on", held_on, today)
    bump(course)


def adjust(
    session: Session, *, course_id: int, expected_version: int | None = None, end: date | None = None,
    plan: str | None = None, report_cadence: str | None = None, three_party_interval: str | None = None,
) -> None:
    course = fetch(session, SupplierCourse, course_id, expected_version)
    if end is not None:
        if end < course.start:
            raise Invalid("end", "the course ends before it starts", "date.end_before_start")
        course.end = end
    if plan is not None:
        course.plan = text("plan", plan)
    if report_cadence is not None:
        course.report_cadence = _cadence("report_cadence", report_cadence) or course.report_cadence
    if three_party_interval is not None:
        course.three_party_interval = _cadence("three_party_interval", three_party_interval)
    bump(course)


def stop(session: Session, *, course_id: int, reason: str, stopped_on: date) -> None:
    course = fetch(session, SupplierCourse, course_id)
    course.status = "stopped"
    course.stop_reason = text("stop_reason", reason, required=True)
    course.end = min(course.end, stopped_on) if stopped_on >= course.start else course.end
    bump(course)


def set_next_step(session: Session, *, course_id: int, next_step: str) -> None:
    course = fetch(session, SupplierCourse, course_id)
    course.next_step = text("next_step", next_step, required=True)
    bump(course)
