from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class CaseNote(Tracked, Base):
    """The caseworker's own journal note; the official one lives in Momentum/Fasit."""

    __tablename__ = "case_note"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_case_note_citizen_at", "citizen_id", "at"),)
