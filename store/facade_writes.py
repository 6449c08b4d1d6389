"""Writes through the facade: `store.run(meetings.mark_held, meeting_id=3)` performs one
command as one transaction with undo; `store.undo()` reverts the newest one."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from store.commands.base import Command, Context, Outcome
from store.commands.runner import perform, perform_command
from store.commands.undo import Owner, UndoPreview, peek, redo_last, undo_last
from store.errors import Conflict, ReadOnly

T = TypeVar("T")


class Writes:
    engine: Any
    caseworker: str | None
    read_only: bool = False
    # Which window this store serves: undo takes back only this window's own actions.
    instance: str | None = None

    def today(self):  # type: ignore[no-untyped-def]  # provided by Store
        raise NotImplementedError

    def run(self, command: Callable[..., T], /, *, label: str | None = None, **kwargs: Any) -> T:
        """Commands that take `today` get the store's (possibly frozen) today."""
        if self.read_only:
            raise ReadOnly()
        params = inspect.signature(command).parameters
        if "today" in params and "today" not in kwargs:
            kwargs["today"] = self.today()
        if "caseworker" in params and "caseworker" not in kwargs:
            kwargs["caseworker"] = self.caseworker
        name = label or f"{command.__module__.rsplit('.', 1)[-1]}.{command.__name__}"
        try:
            return perform(self.engine, name, lambda session: command(session, **kwargs), caseworker=self.caseworker,
                           instance=self.instance)
        except Conflict as conflict:
            if conflict.mine is None:  # what this user tried to save, to show next to theirs
                conflict.mine = {k: v for k, v in kwargs.items() if k not in ("today", "caseworker")}
            raise

    def execute(self, command: Command[T]) -> Outcome[T]:
        """The one write path: a typed command in, its result and change set out."""
        if self.read_only:
            raise ReadOnly()
        try:
            return perform_command(self.engine, command, Context(self.today(), self.caseworker), instance=self.instance)
        except Conflict as conflict:
            if conflict.mine is None:  # what this user tried to save, to show next to theirs
                conflict.mine = command.shown()
            raise

    def check(self, query: Callable[..., T], /, **kwargs: Any) -> T:
        """A read-only helper of a command module (e.g. meetings.warnings)."""
        from store.db.session import reading

        with reading(self.engine) as session:
            return query(session, **kwargs)

    def undo(self, *, force: bool = False) -> str | None:
        """Takes back this caseworker's newest action made through this store (window).
        Raises Conflict when the record changed since (`force=True` undoes anyway) and
        UndoRefused when it would delete records the action did not make."""
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
