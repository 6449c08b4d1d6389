from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, utcnow


class UndoEntry(Base):
    """One user action, as the row changes that undo it (JSON). Kept in the database so an
    undo survives a restart, and trimmed to the newest entries."""

    __tablename__ = "undo_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    label: Mapped[str] = mapped_column(String(60))
    caseworker: Mapped[str | None] = mapped_column(String(60))
    changes: Mapped[str] = mapped_column(Text)
