"""Records of the caseworker's day that have no home in an older table: the contact attempts
made during a hearing, missed course days, and a case discussed at sparring."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class HearingContact(Tracked, Base):
    """A logged contact (call, text, letter) that was an attempt to reach the citizen in a hearing."""

    __tablename__ = "hearing_contact"

    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearing.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact_entry.id", ondelete="CASCADE"), index=True)


class CourseAbsence(Tracked, Base):
    """One or more missed days at a course: accepted (lawful absence) or a failure (LAS § 36),
    which opens a hearing with its own deadlines."""

    __tablename__ = "course_absence"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("supplier_course.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(10))  # "accepted" or "failure"
    note: Mapped[str | None] = mapped_column(Text)
    hearing_id: Mapped[int | None] = mapped_column(ForeignKey("hearing.id", ondelete="SET NULL"))


class SparringNote(Tracked, Base):
    """The case was discussed at case sparring ("drøftet i sagssparring"), with what was agreed."""

    __tablename__ = "sparring_note"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_sparring_note_citizen_on", "citizen_id", "on"),)
