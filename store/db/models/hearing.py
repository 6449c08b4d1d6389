from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked


class Hearing(Tracked, Base):
    """A partshøring before a possible sanction, with its reply and decision deadlines."""

    __tablename__ = "hearing"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    trigger: Mapped[str] = mapped_column(Text)
    failure_date: Mapped[date] = mapped_column(Date)
    sent: Mapped[date | None] = mapped_column(Date)
    reply_due: Mapped[date | None] = mapped_column(Date)
    decision_due: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    decided_on: Mapped[date | None] = mapped_column(Date)
    # "las35" (a missed meeting) or "las36" (missed course days); None in older rows means las35.
    rule: Mapped[str | None] = mapped_column(String(10))
    # Both ways: the written guidance given, the citizen's reply and the reasoning behind the decision.
    guidance_on: Mapped[date | None] = mapped_column(Date)
    reply_on: Mapped[date | None] = mapped_column(Date)
    reply_text: Mapped[str | None] = mapped_column(Text)
    reasoning: Mapped[str | None] = mapped_column(Text)

    # ix_hearing_meeting_id: whether a no-show has a hearing (the sanction-decision obligation).
    __table_args__ = (
        Index("ix_hearing_decided_due", "decided_on", "decision_due"),
        Index("ix_hearing_meeting_id", "meeting_id"),
    )
