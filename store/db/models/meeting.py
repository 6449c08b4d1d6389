from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class Meeting(Tracked, Base):
    __tablename__ = "meeting"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    start: Mapped[datetime] = mapped_column(DateTime)
    minutes: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(String(20), default="jobcentre")
    place_detail: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="job")
    status: Mapped[str] = mapped_column(String(12), default="planned")
    prepared: Mapped[bool] = mapped_column(Boolean, default=False)
    preparation_note: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    agreement: Mapped[str | None] = mapped_column(Text)
    absence_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    course_id: Mapped[int | None] = mapped_column(ForeignKey("supplier_course.id", ondelete="SET NULL"))
    # The indkaldelse: when and how the citizen was called in (letter, digital_post, sms, phone).
    invited_on: Mapped[date | None] = mapped_column(Date)
    invited_via: Mapped[str | None] = mapped_column(String(20))
    # The calendar day of `start`, kept separately so "today's meetings" is an index lookup.
    day: Mapped[date] = mapped_column(Date)

    __table_args__ = (
        Index("ix_meeting_citizen_start", "citizen_id", "start"),
        Index("ix_meeting_day_status", "day", "status"),
        # The no-shows still waiting for a decision (store.obligations.sanction_decision).
        Index("ix_meeting_no_show_day", "day", sqlite_where=text("status = 'no_show'"),
              postgresql_where=text("status = 'no_show'")),
        # A course's meetings by kind and status: the three_party obligation and every save
        # that touches a citizen with a course (store.derive.held_three_party) read a course's
        # three-party meetings; without this they read every meeting of the caseload (110 ms
        # at 50,000 citizens).
        Index("ix_meeting_course_kind_status", "course_id", "kind", "status"),
    )
