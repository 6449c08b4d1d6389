from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class DoctorRequest(Tracked, Base):
    """A request for a doctor's certificate (LÆ form) and what became of the answer."""

    __tablename__ = "doctor_request"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(10))
    doctor: Mapped[str] = mapped_column(Text)
    questions: Mapped[str | None] = mapped_column(Text)
    sent: Mapped[date] = mapped_column(Date)
    consultation: Mapped[date | None] = mapped_column(Date)
    answer_due: Mapped[date] = mapped_column(Date)
    answered: Mapped[date | None] = mapped_column(Date)
    answer_use: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="sent")
    reminders: Mapped[int] = mapped_column(Integer, default=0)
    last_reminder: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_doctor_request_status_due", "status", "answer_due"),)
