from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class ContactEntry(Tracked, Base):
    """A call, text, mail or letter, either way, logged the moment it happens."""

    __tablename__ = "contact_entry"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(12), default="phone")
    direction: Mapped[str] = mapped_column(String(3), default="out")
    reached: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_contact_entry_citizen_at", "citizen_id", "at"),)
