"""Supplier courses: order, progress reports, three-party meetings, adjust, stop, next step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
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


def mark_report_read(session: Session, *, report_id: int, today: date, summary: str | None = None) -> None:
    """Read, and what it told: an unread report stays an obligation until this."""
    report = fetch(session, ProgressReport, report_id)
    report.read_on = today
    if summary is not None:
        report.summary = text("summary", summary, limit=20_000)
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


# -- the commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderCourse(Command[int]):
    """A course at a supplier (created by name on first use); answers the course's id."""

    label: ClassVar[str] = "courses.order"
    citizen_id: int
    supplier: str
    title: str
    start: date
    end: date
    report_cadence: str = "1m"
    purpose: str | None = None
    plan: str | None = None
    three_party_interval: str | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return order(session, citizen_id=self.citizen_id, supplier=self.supplier, title=self.title, start=self.start,
                     end=self.end, report_cadence=self.report_cadence, purpose=self.purpose, plan=self.plan,
                     three_party_interval=self.three_party_interval)


@dataclass(frozen=True)
class RegisterReport(Command[int]):
    label: ClassVar[str] = "courses.register_report"
    course_id: int
    received: date
    read: bool = False
    summary: str | None = None
    expected: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return register_report(session, course_id=self.course_id, received=self.received, today=ctx.today,
                               read=self.read, summary=self.summary, expected=self.expected)


@dataclass(frozen=True)
class MarkReportRead(Command[None]):
    label: ClassVar[str] = "courses.mark_report_read"
    report_id: int
    summary: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        mark_report_read(session, report_id=self.report_id, today=ctx.today, summary=self.summary)


@dataclass(frozen=True)
class ThreePartyHeld(Command[None]):
    label: ClassVar[str] = "courses.three_party_held"
    course_id: int
    held_on: date

    def apply(self, session: Session, ctx: Context) -> None:
        three_party_held(session, course_id=self.course_id, held_on=self.held_on, today=ctx.today)


@dataclass(frozen=True)
class AdjustCourse(Command[None]):
    """Only the fields given (not None) change."""

    label: ClassVar[str] = "courses.adjust"
    course_id: int
    expected_version: int | None = None
    end: date | None = None
    plan: str | None = None
    report_cadence: str | None = None
    three_party_interval: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        adjust(session, course_id=self.course_id, expected_version=self.expected_version, end=self.end,
               plan=self.plan, report_cadence=self.report_cadence, three_party_interval=self.three_party_interval)


@dataclass(frozen=True)
class StopCourse(Command[None]):
    label: ClassVar[str] = "courses.stop"
    course_id: int
    reason: str
    stopped_on: date

    def apply(self, session: Session, ctx: Context) -> None:
        stop(session, course_id=self.course_id, reason=self.reason, stopped_on=self.stopped_on)


@dataclass(frozen=True)
class SetNextStep(Command[None]):
    label: ClassVar[str] = "courses.set_next_step"
    course_id: int
    next_step: str

    def apply(self, session: Session, ctx: Context) -> None:
        set_next_step(session, course_id=self.course_id, next_step=self.next_step)
