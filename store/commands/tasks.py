"""Tasks as typed commands: done by one key from the caseload-wide task list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.journal_entries import complete_task


@dataclass(frozen=True)
class CompleteTask(Command[None]):
    """The task is done today (undo reopens it)."""

    label: ClassVar[str] = "tasks.complete"
    task_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        complete_task(session, task_id=self.task_id, done_on=ctx.today)
