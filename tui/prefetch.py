"""The citizen under the cursor, fetched before enter is pressed. A caseworker moving down a
list and opening a citizen then sees the screen filled at once. Entries are dropped on every
change (the app calls `clear()` in refresh_for) and the screen fetches again on open anyway,
so a prefetched copy is never the last word. Nothing is prefetched until start-up has settled
(tui.startup): a fetch then would compete with the keys for the interpreter."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from tui.citizen_data import fetch_citizen, look_up_texts

if TYPE_CHECKING:  # the store's ORM stays out of start-up (tui.startup)
    from textual.timer import Timer

    from store.facade import Store
    from textual.app import App
    from tui.citizen_data import CitizenData

DELAY = 0.06  # seconds the cursor must rest: holding j down does not query every row


class Prefetcher:
    def __init__(self, app: App[None]) -> None:
        self.app = app
        self._cache: dict[int, CitizenData] = {}
        self._lock = threading.Lock()
        self._timer: Timer | None = None

    def get(self, citizen_id: int) -> CitizenData | None:
        with self._lock:
            return self._cache.get(citizen_id)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def want(self, citizen_id: int | None) -> None:
        if self._timer is not None:
            self._timer.stop()
        if citizen_id is None or self.get(citizen_id) is not None or self._store() is None:
            return
        startup = getattr(self.app, "startup", None)
        if startup is not None and not startup.settled:
            return
        self._timer = self.app.set_timer(DELAY, lambda: self._start(citizen_id))

    def _store(self) -> Store | None:
        # Not through tui.host, which names this class: that would be an import cycle.
        store: Store | None = getattr(self.app, "store", None)
        return store

    def _start(self, citizen_id: int) -> None:
        store = self._store()
        if store is None:  # locked since the timer was set (tui.idle)
            return
        self.app.run_worker(lambda: self._fetch(store, citizen_id), thread=True, exclusive=True,
                            group="prefetch", exit_on_error=False)

    def _fetch(self, store: Store, citizen_id: int) -> None:
        data = fetch_citizen(store, citizen_id)
        look_up_texts(data)  # the screen's catalog tables parsed here, not on the UI thread
        with self._lock:
            if len(self._cache) > 20:
                self._cache.clear()
            self._cache[citizen_id] = data
