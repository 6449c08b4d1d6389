"""How a screen says what it shows. `shows` names record kinds — the store's table names, as
in `ChangeSet.kinds` — and `refresh_for(changes)` reloads what the change touched. The app
calls it on visible screens right after a write; a covered screen collects what it missed and
catches up when it is shown again (`catch_up`, from `on_screen_resume`).

After a write the refresh is planned, not started: the writer opens a `planning()` batch on
the UI thread, every pane that wants the change adds its load to it (`Reload`), the writer's
own thread runs them one after the other right after the write, and every answer lands in one
batch update, together with the write's answer. Before, each pane started a thread worker of
its own: three threads and the UI thread took turns on the GIL (a read that queries sixteen
times waited up to one switch interval, 5 ms, after each query while the UI thread painted),
and every pane that answered painted a frame of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

if TYPE_CHECKING:
    from store.commands.base import ChangeSet

D = TypeVar("D")


class ShowsChanges:
    shows: ClassVar[frozenset[str]] = frozenset()
    _missed: ChangeSet | None = None

    def refresh_for(self, changes: ChangeSet) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def missed(self, changes: ChangeSet) -> None:
        self._missed = changes if self._missed is None else self._missed | changes

    def catch_up(self) -> None:
        if self._missed is not None:
            changes, self._missed = self._missed, None
            self.refresh_for(changes)


# What a reload hands back to the UI thread: land its data, or say its load failed.
Landing = Callable[[], None]


@dataclass(frozen=True)
class Reload(Generic[D]):
    """One load asked for while a refresh is planned. `fetch` runs on a worker thread and must
    not touch widgets; `land` (with its data) or `fail` (with its error) then runs on the UI
    thread."""

    fetch: Callable[[], D]
    land: Callable[[D], None]
    fail: Callable[[BaseException], None]

    def run(self) -> Landing:
        """On the worker thread: fetch, and answer what the UI thread is to do with it."""
        try:
            data = self.fetch()
        except Exception as exc:  # noqa: BLE001 - the pane keeps its rows and says so
            return partial(self.fail, exc)
        return partial(self.land, data)


class RefreshBatch:
    """The reloads one write's refresh asked for, in the order they were asked."""

    def __init__(self) -> None:
        self.runs: list[Callable[[], Landing]] = []

    def add(self, reload: Reload[D]) -> None:
        self.runs.append(reload.run)


_planning: ContextVar[RefreshBatch | None] = ContextVar("sagsdag_refresh_batch", default=None)


@contextmanager
def planning() -> Iterator[RefreshBatch]:
    """While open (on the UI thread), reloads join this batch instead of starting a worker."""
    batch = RefreshBatch()
    token = _planning.set(batch)
    try:
        yield batch
    finally:
        _planning.reset(token)


def planned() -> RefreshBatch | None:
    """The batch being planned, if any: a reload asked for now joins it."""
    return _planning.get()
