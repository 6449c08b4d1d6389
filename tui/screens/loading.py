"""A screen whose data comes from one store call in a thread worker. Subclasses say what to
fetch and how to show it; reloads after any change keep the cursor where it was."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen


class LoadingScreen(Screen):
    class Fetched(Message):
        def __init__(self, data: Any) -> None:
            super().__init__()
            self.data = data

    def fetch(self, store: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def show(self, data: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def refresh_data(self) -> None:
        self._fetch(self.app.store)

    def on_mount(self) -> None:
        self.refresh_data()

    @work(thread=True, exclusive=True, exit_on_error=False, group="screen")
    def _fetch(self, store: Any) -> None:
        self.post_message(self.Fetched(self.fetch(store)))

    @on(Fetched)
    def _fetched(self, message: Fetched) -> None:
        self.show(message.data)

    def on_worker_state_changed(self, event) -> None:  # type: ignore[no-untyped-def]
        from textual.worker import WorkerState

        if event.state == WorkerState.ERROR and event.worker.error is not None:
            from tui.workers import report

            report(self.app, event.worker.error)
