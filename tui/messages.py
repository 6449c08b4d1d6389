"""Messages that cross widget boundaries.

A write travels as data: a form (or a row action) posts `Write(command)` to the app; the app's
one writer runs it (tui/writer.py) and posts `Written(command, outcome)` or
`WriteFailed(command, error)` to every screen on the stack. A screen acts only on a command it
sent itself, compared by identity, never by equality: two forms may send equal commands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Union

from textual.message import Message

if TYPE_CHECKING:  # the store's command types, without importing SQLAlchemy at start-up
    from store.commands.base import ChangeSet, Command, Outcome


@dataclass(frozen=True)
class UndoLast:
    """Not a store command: undo (or redo, `kind="redo"`) takes back this caseworker's newest
    action in this window. It queues behind the writes posted before it, like any write.
    `force` undoes even when the record changed since (the user saw the conflict)."""

    label: ClassVar[str] = "undo"
    kind: str = "undo"
    force: bool = False


# Any command (its result type is for the sender to know: the writer only passes it on).
Job = Union["Command[object]", UndoLast]


class OpenCitizen(Message):
    def __init__(self, citizen_id: int) -> None:
        super().__init__()
        self.citizen_id = citizen_id


class Write(Message):
    """Run this command. `what` is the sentence part for the "saved" notice, or `notice` the
    whole notice (a form says what it saved, and for whom); `shows_errors` says the sender shows
    a failure itself (a form, beside the field), so the app need not."""

    def __init__(self, command: Job, *, what: str, shows_errors: bool = False, notice: str = "") -> None:
        super().__init__()
        self.command = command
        self.what = what
        self.shows_errors = shows_errors
        self.notice = notice


class Written(Message):
    def __init__(self, command: Job, outcome: Outcome[object]) -> None:
        super().__init__()
        self.command = command
        self.outcome = outcome


class WriteFailed(Message):
    def __init__(self, command: Job, error: BaseException) -> None:
        super().__init__()
        self.command = command
        self.error = error


class Changed(Message):
    """Data changed outside a command (undo, a theme that bakes colours into cells): every
    screen that shows any of `changes.kinds` reloads."""

    def __init__(self, changes: ChangeSet) -> None:
        super().__init__()
        self.changes = changes


class LoadFailed(Message):
    """A pane or screen could not load its data. The sender keeps what it showed (marked
    stale); the message bubbles up to the app, which says what went wrong in one sentence."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error
