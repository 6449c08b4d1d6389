"""A form whose save is one typed command (store.commands.base.Command): the subclass builds the
command value from the fields; the save runs it as one transaction with undo under the
command's own stable label."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from tui.forms.base import FormScreen


class TypedForm(FormScreen):
    def typed(self, values: dict[str, Any]) -> Command[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def command(self, values: dict[str, Any]):  # type: ignore[no-untyped-def]
        command = self.typed(values)

        def apply(session: Session, today, caseworker):  # type: ignore[no-untyped-def]
            return command.apply(session, Context(today, caseworker))

        return apply, {"label": command.label}
