from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
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
    # The window (program instance) that made the change: one window's undo is its own.
    instance: Mapped[str | None] = mapped_column(String(40))
    # "undo": an action that can be undone; "redo": an undone action that can be done again.
    kind: Mapped[str] = mapped_column(String(10), default="undo", server_default="undo")

    __table_args__ = (Index("ix_undo_entry_caseworker_kind", "caseworker", "kind", "id"),)
