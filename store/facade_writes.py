"""Writes through the facade: `store.execute(MarkHeld(meeting_id=3))` runs one typed command
as one transaction with undo and answers its result and change set; `store.undo()` reverts the
newest one. There is no other write path."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine

from store.clock import Clock
from store.commands.base import Command, Context, Outcome
from store.commands.certificates import RecentAnswer, chase_tasks, recent_answers
from store.commands.meetings import MeetingWarnings, warnings
from store.commands.runner import perform_command, rehearse_command
from store.commands.undo import Owner, UndoPreview, peek, redo_last, undo_last
from store.db.session import reading
from store.errors import Conflict, ReadOnly

T = TypeVar("T")


class Writes:
    engine: Engine
    clock: Clock
    caseworker: str | None
    read_only: bool = False
    # Which window this store serves: undo takes back only this window's own actions.
    instance: str | None = None

    def execute(self, command: Command[T]) -> Outcome[T]:
        """The one write path: a typed command in, its result and change set out."""
        if self.read_only:
            raise ReadOnly()
        try:
            return perform_command(self.engine, command, Context(self.clock.today(), self.caseworker),
                                   instance=self.instance)
        except Conflict as conflict:
            if conflict.mine is None:  # what this user tried to save, to show next to theirs
                conflict.mine = command.shown()
            raise

    def rehearse(self, command: Command[object]) -> None:
        """Runs `command` and rolls it back: nothing is written, and the statements its save
        runs are compiled already when it is executed (see rehearse_command). Raises what the
        command would raise; a read-only store does nothing."""
        if self.read_only:
            return
        rehearse_command(self.engine, command, Context(self.clock.today(), self.caseworker), instance=self.instance)

    def meeting_warnings(self, start: datetime, minutes: int, *, ignore_id: int | None = None) -> MeetingWarnings:
        """Overlaps and closed days worth a second look before a meeting is planned."""
        with reading(self.engine) as session:
            return warnings(session, start=start, minutes=minutes, ignore_id=ignore_id)

    def recent_answers(self, citizen_id: int, form: str) -> tuple[RecentAnswer, ...]:
        """Answers of `form` for the citizen younger than the profile's months: ordering the same
        form again is worth a second look (the seeds: certificates fetched "igen og igen")."""
        with reading(self.engine) as session:
            return recent_answers(session, citizen_id=citizen_id, form=form, today=self.clock.today())

    def chase_tasks(self, request_id: int) -> tuple[tuple[int, str], ...]:
        """The citizen's open "chase the certificate" tasks (id, title), offered for closing."""
        with reading(self.engine) as session:
            return chase_tasks(session, request_id=request_id)

    def undo(self, *, force: bool = False) -> str | None:
        """Takes back this caseworker's newest action made through this store (window).
        Raises Conflict when the record changed since (`force=True` undoes anyway) and
        UndoRefused when it would delete records the action did not make. Answers the undone
        action's label (a catalog key), or None when there is nothing to undo."""
        if self.read_only:
            raise ReadOnly()
        return undo_last(self.engine, caseworker=self.caseworker, instance=self.instance, force=force)

    def redo(self, *, force: bool = False) -> str | None:
        if self.read_only:
            raise ReadOnly()
        return redo_last(self.engine, caseworker=self.caseworker, instance=self.instance, force=force)

    def undo_preview(self, kind: str = "undo") -> UndoPreview | None:
        """What `undo()` (or `redo()` with kind="redo") would take back: label and citizen."""
        return peek(self.engine, Owner(self.caseworker, self.instance), kind)
