from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class Task(Tracked, Base):
    __tablename__ = "task"

    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_task_done_due", "done_on", "due"),)
