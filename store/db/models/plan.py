from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class PreparatoryPlan(Tracked, Base):
    """The preparatory plan (forberedende del) for the rehabilitation team."""

    __tablename__ = "preparatory_plan"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    team_meeting: Mapped[date | None] = mapped_column(Date)
    recommendation: Mapped[str | None] = mapped_column(String(20))
    decision: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")


class PlanItem(Tracked, Base):
    __tablename__ = "plan_item"

    plan_id: Mapped[int] = mapped_column(ForeignKey("preparatory_plan.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(30))
    position: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
