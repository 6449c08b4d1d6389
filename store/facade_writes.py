"""Writes through the facade: `store.run(meetings.mark_held, meeting_id=3)` performs one
command as one transaction with undo; `store.undo()` reverts the newest one."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from store.commands.runner import perform
from store.commands.undo import undo_last

T = TypeVar("T")


class Writes:
    engine: Any
    caseworker: str | None

    def today(self):  # type: ignore[no-untyped-def]  # provided by Store
        raise NotImplementedError

    def run(self, command: Callable[..., T], /, *, label: str | None = None, **kwargs: Any) -> T:
        """Commands that take `today` get the store's (possibly frozen) today."""
        params = inspect.signature(command).parameters
        if "today" in params and "today" not in kwargs:
            kwargs["today"] = self.today()
        if "caseworker" in params and "caseworker" not in kwargs:
            kwargs["caseworker"] = self.caseworker
        name = label or f"{command.__module__.rsplit('.', 1)[-1]}.{command.__name__}"
        return perform(self.engine, name, lambda session: command(session, **kwargs), caseworker=self.caseworker)

    def check(self, query: Callable[..., T], /, **kwargs: Any) -> T:
        """A read-only helper of a command module (e.g. meetings.warnings)."""
        from store.db.session import reading

        with reading(self.engine) as session:
            return query(session, **kwargs)

    def undo(self) -> str | None:
        return undo_last(self.engine, caseworker=self.caseworker)
