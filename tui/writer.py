"""The one writer: write commands run one at a time, in the order they were posted, on one
thread worker; each answer comes back as a message on the UI thread. Mixed into the app.

A form cannot race its own save (it sends one command and waits for that command's answer),
and two saves can never interleave: the next command starts only after the previous answer
has been handled on the UI thread, change set and refresh included."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work

from tui import undo_flow
from tui.frames import hold_frames, release_when_handled, resume_collections
from tui.i18n import t
from tui.messages import UndoLast, Write, WriteFailed, Written
from tui.refresh import Landing, planning

if TYPE_CHECKING:
    from textual.app import App

    from store.commands.base import ChangeSet, Command
    from store.facade import Store

    # Checked as the App it is mixed into.
    _App = App[Any]
else:
    _App = object



def post_write(app: App[None], command: Command[object], what: str | None = None) -> None:
    """A write from a menu or a pane key: refused in a sentence when read-only, else sent to
    the app's one writer. `what` names it in the saved notice (default: its action label)."""
    if getattr(app, "read_only", False):
        app.notify(t("app.read_only_refused"), severity="warning")
        return
    app.post_message(Write(command, what=t("action." + command.label) if what is None else what))

class Rehearsal:
    """A command to run and roll back on the writer's thread (Store.rehearse), queued with the
    writes so that it never runs beside one: a form rehearses its save while it is open."""

    def __init__(self, command: Command[object]) -> None:
        self.command = command


class WriterMixin(_App):
    """Needs `store`, `read_only`, `notify`, `screen_stack`, `call_from_thread` (the App)."""

    store: Store | None
    read_only: bool
    _writes: deque[Write | Rehearsal]
    _writing: Write | Rehearsal | None = None
    _rehearsed: set[str]

    def _init_writer(self) -> None:
        self._writes = deque()
        self._writing = None
        self._rehearsed = set()

    @property
    def writing(self) -> bool:
        return isinstance(self._writing, Write) or any(isinstance(w, Write) for w in self._writes)

    def rehearse_write(self, command: Command[object]) -> None:
        """Once per kind of command (its label) and store: run it and roll it back on the
        writer's thread, so that its save runs only statements compiled already."""
        if self.store is None or self.read_only or command.label in self._rehearsed:
            return
        self._rehearsed.add(command.label)
        self._writes.append(Rehearsal(command))
        self._next_write()

    def queue_write(self, message: Write) -> None:
        if self.store is None:
            self.notify(t("app.still_opening"), severity="warning")
            return
        self._writes.append(message)
        self._next_write()

    def _next_write(self) -> None:
        if self._writing is not None or not self._writes:
            return
        self._writing = self._writes.popleft()
        self._write_worker(self._writing)

    @work(thread=True, exclusive=False, exit_on_error=False, group="write", name="write")
    def _write_worker(self, message: Write | Rehearsal) -> None:
        if isinstance(message, Rehearsal):
            self._rehearse(message)
            return
        store = self.store
        answer: Written | WriteFailed
        try:
            assert store is not None
            if isinstance(message.command, UndoLast):
                # Imported here, on the worker thread: the store's modules stay out of start-up.
                from store.commands.base import ChangeSet, Outcome

                step = store.undo if message.command.kind == "undo" else store.redo
                answer = Written(message.command, Outcome(step(force=message.command.force), ChangeSet.everything()))
            else:
                answer = Written(message.command, store.execute(message.command))
        except BaseException as exc:  # noqa: BLE001 - every failure is shown, none crashes
            answer = WriteFailed(message.command, exc)
        landings: list[Landing] = []
        if isinstance(answer, Written):
            # The panes say what they reload (on the UI thread, where their rows are); the loads
            # run here, one after the other, and land with the answer (tui/refresh.py).
            try:
                runs = self.call_from_thread(self._plan_refresh, answer.outcome.changes)
            except Exception as exc:  # noqa: BLE001 - the write is saved; its answer must still land
                failure: Landing = partial(self.report, exc)
                runs = [lambda: failure]
            landings = [run() for run in runs]
        self.call_from_thread(self._answer, message, answer, landings)

    def _rehearse(self, rehearsal: Rehearsal) -> None:
        """On the writer's thread. A rehearsal that fails (the command would be refused, the
        database is locked) says nothing: the save itself will say why."""
        try:
            if self.store is not None:
                self.store.rehearse(rehearsal.command)
        except Exception:  # noqa: BLE001, S110 - only a head start; the save reports its own failure
            pass
        self.call_from_thread(self._rehearsed_done, rehearsal)

    def _rehearsed_done(self, rehearsal: Rehearsal) -> None:
        if self._writing is rehearsal:
            self._writing = None
        self._next_write()

    def _plan_refresh(self, changes: ChangeSet) -> list[Callable[[], Landing]]:
        with planning() as batch:
            self.refresh_for(changes)
        return batch.runs

    def _answer(self, message: Write, answer: Written | WriteFailed, landings: Sequence[Landing] = ()) -> None:
        if self._writing is message:
            self._writing = None
        # The rows of every pane change in the same frame, and no frame is drawn until every
        # screen has heard the answer: a form on top closes first (tui/frames.py), so the new
        # rows are not drawn once beneath it and then again without it.
        release = hold_frames(self)
        for land in landings:
            land()
        if isinstance(answer, Written):
            if isinstance(message.command, UndoLast):
                undo_flow.done(self, message.command.kind, answer.outcome.value)
            elif message.notice:
                self.notify(message.notice, timeout=3, markup=False)
            elif message.what:
                self.notify(t("form.saved", what=message.what), timeout=3)
        elif isinstance(message.command, UndoLast):
            undo_flow.failed(self, message.command.kind, answer.error)
        elif not message.shows_errors:
            self.report(answer.error)
        screens = list(self.screen_stack)
        for screen in screens:
            screen.post_message(_copy(answer))
        release_when_handled(screens, release)
        self._next_write()

    def _on_unmount(self) -> None:
        # Textual calls each class's handler of a message: the app's own run as well.
        resume_collections()  # a save's pause of collections never outlives the app

    # provided by the app
    def refresh_for(self, changes: ChangeSet) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def report(self, error: BaseException) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def _copy(answer: Written | WriteFailed) -> Written | WriteFailed:
    """A message is delivered once; each screen gets its own copy of the answer."""
    if isinstance(answer, Written):
        return Written(answer.command, answer.outcome)
    return WriteFailed(answer.command, answer.error)
