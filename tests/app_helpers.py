"""Driving the real app in any test folder: `settle` waits until the app is quiet (never a
timed pause); the `make_app` fixture (tests/conftest.py) builds the app on the demo store."""

from __future__ import annotations

from typing import Any


async def settle(pilot: Any) -> None:
    """Wait until every worker is done and every message it posted is handled. A handled
    message can start another worker (a page reload), so loop until the app is quiet."""
    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(20):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            pass  # an exclusive worker gave way to a newer one: wait for that one next round
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return
    raise AssertionError("the app never became quiet")


async def settled(pilot: Any) -> None:
    """`settle`, then until start-up has settled (every pane shows the full store's rows; the
    panes land in turn on a timer, after the workers are done), then `settle` again."""
    await settle(pilot)
    while not pilot.app.startup.settled:
        await pilot.pause()
    await settle(pilot)


async def warmed(pilot: Any) -> None:
    """`settled`, then until each table has been drawn in its other focus state
    (tui.widgets.focus_warm, on a timer after start-up settles): a test that counts what is
    drawn must not count the warm-up's drawing."""
    await settled(pilot)
    while not pilot.app.startup.focus_warm.done:
        await pilot.pause()
    await settle(pilot)


def freeze_blink(app: Any) -> None:
    """A blinking cursor is drawn or not depending on the moment: a picture of the screen
    shows it steadily on, so two runs draw the same."""
    from textual.widgets import Input, TextArea

    for screen in app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
