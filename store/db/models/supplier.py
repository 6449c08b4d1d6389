from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class Supplier(Tracked, Base):
    """An "anden aktør" that runs courses for citizens."""

    __tablename__ = "supplier"

    name: Mapped[str] = mapped_column(Text, unique=True)
    contact: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(Text)


class SupplierCourse(Tracked, Base):
    """A course ordered from a supplier (bestilling) with its purpose, plan and report cadence."""

    __tablename__ = "supplier_course"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    plan: Mapped[str | None] = mapped_column(Text)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    report_cadence: Mapped[str] = mapped_column(String(20), default="1m")
    three_party_interval: Mapped[str | None] = mapped_column(String(20))
    last_three_party: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="active")
    next_step: Mapped[str | None] = mapped_column(Text)
    stop_reason: Mapped[str | None] = mapped_column(Text)
    # praktik, loentilskud, vejledning, mentor, other: the first two are virksomhedsrettede tilbud.
    course_type: Mapped[str | None] = mapped_column(String(20))
    # Derived on every write, like Citizen.next_due, so the Suppliers pane is an index lookup.
    next_report_due: Mapped[date | None] = mapped_column(Date)
    next_three_party_due: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_supplier_course_status_report", "status", "next_report_due"),
        Index("ix_supplier_course_status_end", "status", "end"),
        Index("ix_supplier_course_status_three_party", "status", "next_three_party_due"),
    )


class ProgressReport(Tracked, Base):
    __tablename__ = "progress_report"

    course_id: Mapped[int] = mapped_column(ForeignKey("supplier_course.id", ondelete="CASCADE"), index=True)
    expected: Mapped[date | None] = mapped_column(Date)
    received: Mapped[date] = mapped_column(Date)
    read_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)
