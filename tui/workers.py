"""Writes and other one-off store calls, off the UI thread. The result (or a readable error)
comes back to a callback on the UI thread; a worker failure is a notification, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App


def run_write(app: App, call: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[BaseException], None] | None = None) -> None:
    if getattr(app, "store", None) is None:
        from tui.i18n import t

        app.notify(t("app.still_opening"), severity="warning")
        return
    def job() -> None:
        try:
            result = call()
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, none crashes
            app.call_from_thread(failed or (lambda e: report(app, e)), exc)
        else:
            app.call_from_thread(done, result)

    app.run_worker(job, thread=True, exit_on_error=False, group="write", name="write")


def report(app: App, exc: BaseException) -> None:
    from tui.errors import describe

    app.notify(describe(exc), severity="error", timeout=12, markup=False)
