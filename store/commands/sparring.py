"""Case sparring: the case was discussed ("drøftet i sagssparring"), with what was agreed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import fetch, text
from store.db.models import Citizen, SparringNote


@dataclass(frozen=True)
class DiscussedAtSparring(Command[int]):
    label: ClassVar[str] = "sparring.discussed"
    citizen_id: int
    note: str | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        fetch(session, Citizen, self.citizen_id)
        row = SparringNote(citizen_id=self.citizen_id, on=ctx.today, note=text("note", self.note, limit=20_000))
        session.add(row)
        session.flush()
        return row.id
