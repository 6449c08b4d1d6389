"""A screen whose data comes from one store call in a thread worker. Subclasses say what to
fetch, how to show it and which kinds of record they show (`shows`); a write that touches
one of them reloads the screen, at once if it is visible, else when it is shown again.

A failed load keeps what the screen showed and says so (LoadFailed, shown by the app); an
older load that answers after a newer one is dropped. `LoadingScreen[D]`: `fetch` returns a D
and `show` takes it (`CitizenScreen` shows a `CitizenData`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from tui.messages import LoadFailed
from tui.refresh import ShowsChanges
from tui.host import host

if TYPE_CHECKING:  # without importing the store at start-up
    from store.commands.base import ChangeSet
    from store.facade import Store


D = TypeVar("D")


class LoadingScreen(ShowsChanges, Screen[None], Generic[D]):
    class Fetched(Message):
        # The screen's D; a message class cannot name its screen's type variable.
        def __init__(self, data: object, generation: int) -> None:
            super().__init__()
            self.data = data
            self.generation = generation

    _generation = 0
    stale = False

    def fetch(self, store: Store) -> D:  # pragma: no cover - abstract
        raise NotImplementedError

    def show(self, data: D) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def refresh_data(self) -> None:
        if host(self).store is None:
            return
        self._generation += 1
        self._fetch(host(self).store, self._generation)

    def refresh_for(self, changes: ChangeSet) -> None:
        if changes.touches(self.shows):
            self.refresh_data()

    def on_mount(self) -> None:
        self.first_load()

    def first_load(self) -> None:
        """The read as the screen is mounted (Textual calls this class's on_mount after a
        subclass's own): a screen that already shows something may start it later."""
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.catch_up()

    @work(thread=True, exclusive=True, exit_on_error=False, group="screen")
    def _fetch(self, store: Store, generation: int) -> None:
        try:
            data = self.fetch(store)
        except Exception as exc:  # noqa: BLE001 - shown by the app, the screen keeps its rows
            self.post_message(self._Failed(exc, generation))
        else:
            self.post_message(self.Fetched(data, generation))

    class _Failed(Message):
        def __init__(self, error: BaseException, generation: int) -> None:
            super().__init__()
            self.error = error
            self.generation = generation

    @on(Fetched)
    def _fetched(self, message: Fetched) -> None:
        if message.generation != self._generation:
            return  # a newer load is under way; this answer is already old
        self.stale = False
        self.show(cast(D, message.data))  # what this screen's own fetch returned

    @on(_Failed)
    def _failed(self, message: _Failed) -> None:
        if message.generation == self._generation:
            self.stale = True
        self.post_message(LoadFailed(message.error))
