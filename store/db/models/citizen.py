from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base, Tracked
from store.fold import fold


def _folded_default(context) -> str:  # type: ignore[no-untyped-def]
    """A Core insert that names no name_folded (bulk fills, imports) gets it from the name."""
    return fold(context.get_current_parameters().get("name"))


class Citizen(Tracked, Base):
    __tablename__ = "citizen"

    cpr: Mapped[str] = mapped_column(String(11), unique=True)
    name: Mapped[str] = mapped_column(Text)
    # fold(name): what the filter matches, case- and accent-insensitively (store.fold). Kept
    # in step by the `set` listener below on every ORM write of the name.
    name_folded: Mapped[str | None] = mapped_column(Text, default=_folded_default)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    first_request: Mapped[date] = mapped_column(Date)
    # None means the rule profile's default interval.
    interval: Mapped[str | None] = mapped_column(String(20))
    preferred_place: Mapped[str | None] = mapped_column(String(20))
    interpreter_language: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="active")
    closed_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    caseworker: Mapped[str | None] = mapped_column(String(60))
    # What the access log names: random, so it is never reused after an undone creation
    # (SQLite hands a deleted id to the next insert) and says nothing about the person.
    uid: Mapped[str | None] = mapped_column(String(32), default=lambda: uuid.uuid4().hex)

    # The next-meeting deadline does not depend on today, only on the citizen's own history,
    # so it is computed on every write that touches that history and stored here. Panes can
    # then sort and limit on an index instead of computing 50,000 deadlines per screen.
    next_due: Mapped[date | None] = mapped_column(Date)
    due_base: Mapped[date | None] = mapped_column(Date)
    due_reason: Mapped[str | None] = mapped_column(String(20))
    due_raw: Mapped[date | None] = mapped_column(Date)
    due_paused_days: Mapped[int] = mapped_column(Integer, default=0)
    rules_stamp: Mapped[str | None] = mapped_column(String(40))

    __table_args__ = (
        Index("ix_citizen_status_next_due", "status", "next_due"),
        Index("ix_citizen_first_request", "first_request"),
        Index("ix_citizen_caseworker_status_next_due", "caseworker", "status", "next_due"),
        Index("ix_citizen_name", "name"),
        Index("uq_citizen_uid", "uid", unique=True),
        Index("ix_citizen_name_folded", "name_folded"),
    )


@event.listens_for(Citizen.name, "set", propagate=True)
def _fold_name(target: Citizen, value: str | None, _old: object, _initiator: object) -> None:
    target.name_folded = fold(value)


class CitizenFlag(Tracked, Base):
    """A standing instruction such as "anxiety: meet at home" or "no letters, call"."""

    __tablename__ = "citizen_flag"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    starts: Mapped[date | None] = mapped_column(Date)
    ends: Mapped[date | None] = mapped_column(Date)
