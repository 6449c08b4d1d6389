from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class Absence(Tracked, Base):
    """Sickness, holiday or exemption; first and last day inclusive. Pauses the meeting clock."""

    __tablename__ = "absence"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12), default="sickness")
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_absence_citizen_first", "citizen_id", "first_day"),)
