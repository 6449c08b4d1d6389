"""One-off reads off the UI thread (a record to open a form with). The result comes back to a
callback on the UI thread; a failure goes to the app's one reporter, never a crash. Writes do
not come here: they are messages to the app's writer (tui/writer.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from tui.messages import LoadFailed

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")
R = TypeVar("R")  # whatever the app returns: any app will do


def run_read(app: App[R], call: Callable[[], T], done: Callable[[T], object]) -> None:
    if getattr(app, "store", None) is None:
        from tui.i18n import t

        app.notify(t("app.still_opening"), severity="warning")
        return

    def job() -> None:
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none crashes
            app.call_from_thread(app.post_message, LoadFailed(exc))
        else:
            app.call_from_thread(done, result)

    app.run_worker(job, thread=True, exit_on_error=False, group="read", name="read")
