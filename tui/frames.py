"""One change, one frame: frames are held back while the parts of one change reach the screen,
then drawn together.

A save that closes a form changes the screen in steps, each of which Textual would draw in a
frame of its own, a frame period (1/60 s) or more apart: the reloaded rows land while the form
is still on top (drawn dimmed beneath it), the form goes (the whole screen repainted), the
screen beneath resumes (repainted again, unchanged), and the saved toast is mounted (laid out
and drawn once more). Measured at 50 citizens the toast came 40-60 ms after the rows
(`bench/speed.py`, held→all). Holding the frames until the last step draws the screen once.

A hold always ends: when released, or after `LONGEST` seconds whatever happens, so a step that
never comes can delay a frame but never freeze the screen."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.await_complete import AwaitComplete
    from textual.screen import Screen

LONGEST = 0.25  # seconds a hold may last at most
RESUME_AFTER = 0.1  # seconds after a hold ends that automatic collections resume


def hold_frames(app: App[Any], longest: float = LONGEST) -> Callable[[], None]:
    """Hold every frame back until the returned function is called (once; more calls do
    nothing) or `longest` seconds have passed. A batch update, kept open across messages."""
    batch = app.batch_update()
    batch.__enter__()
    released = False
    _pause_collections()

    def release() -> None:
        nonlocal released
        if released:
            return
        released = True
        timer.stop()
        batch.__exit__(None, None, None)
        # Collections resume after the held frame is drawn (a frame period or two after this).
        app.set_timer(RESUME_AFTER, _resume_once(), name="collections-resumed")

    timer = app.set_timer(longest, release, name="frames-held")
    return release


_paused = 0  # holds that have paused automatic collections and not yet resumed them
_disabled_here = False  # automatic collections were on, and the first hold turned them off


def _pause_collections() -> None:
    """Python's automatic collections of the young generations are paused while frames are
    held and until the held frame is drawn: the save's objects (rows, messages, the toast)
    set off collections inside it, 2-2.5 ms of the save's main-thread CPU, which run after the
    frame instead. Full collections are tui.idle_gc's already."""
    global _paused, _disabled_here
    if _paused == 0:
        _disabled_here = gc.isenabled()
        gc.disable()
    _paused += 1


def _resume_once() -> Callable[[], None]:
    done = False

    def resume() -> None:
        nonlocal done
        global _paused, _disabled_here
        if done:
            return
        done = True
        _paused -= 1
        if _paused == 0 and _disabled_here:
            _disabled_here = False
            gc.enable()

    return resume


def resume_collections() -> None:
    """The app is closing: a hold's pause never outlives it, whatever timers were left."""
    global _paused, _disabled_here
    if _paused and _disabled_here:
        gc.enable()
    _paused, _disabled_here = 0, False


def release_when_handled(screens: list[Any], release: Callable[[], None]) -> None:
    """Call `release` once every screen has handled the messages posted to it so far: a
    callback queued behind them on each screen (its queue is first in, first out)."""
    waiting = len(screens)

    def handled() -> None:
        nonlocal waiting
        waiting -= 1
        if waiting <= 0:
            release()

    if not screens:
        release()
    for screen in screens:
        if not screen.call_later(handled):  # a screen closing: it handles nothing more
            handled()


def close_in_one_frame(screen: Screen[Any], result: Any, notice: str, *, markup: bool = False) -> None:
    """Dismiss `screen` (the top one) and say `notice` in a toast on the screen beneath, drawn
    in one frame with the rows the save changed."""
    app = screen.app
    release = hold_frames(app)
    _leave_unfocused(screen)
    popped = screen.dismiss(result)
    app.notify(notice, timeout=3, markup=markup)
    app.run_worker(release_when_closed(app, popped, notice, release), group="frames", exit_on_error=False)


def prepare_toast(app: App[Any]) -> None:
    """What Textual does when the first toast is mounted, done ahead (a form calls it once it
    is drawn): the toast's DEFAULT_CSS is added to the stylesheet, which parses it and rebuilds
    its rules map. The first save's frame waited for it (~2 ms, once per program)."""
    from textual.notifications import Notification
    from textual.widgets._toast import Toast, ToastHolder  # the screens import them already

    stylesheet = app.stylesheet
    for widget in (ToastHolder(), Toast(Notification(""))):
        for read_from, css, tie_breaker, scope in widget._get_default_css():
            stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
    stylesheet.rules_map  # noqa: B018 - parses a new source and rebuilds the map now, not in the save's frame


def _leave_unfocused(screen: Screen[Any]) -> None:
    """The screen is going: its focused field is not blurred on the way out. Removing a screen
    moves focus off the field being removed, and the field restyles itself as unfocused (its
    `:focus` rules, every child's styles again: a third of what closing a form cost)."""
    from textual.screen import Screen  # the screen module is loaded already

    focused = screen.focused
    if focused is not None:
        screen.set_reactive(Screen.focused, None)


async def release_when_closed(app: App[Any], popped: AwaitComplete, message: str, release: Callable[[], None]) -> None:
    """Release once a dismissed screen is gone (removed: the screen beneath is laid out
    again then) and the screen beneath shows the toast saying `message` (mounted in its toast
    rack a few messages after `notify`), or when the hold's own time is up. Runs as a worker of
    its own, not in the dismissed screen's handler, so waiting for the pop cannot deadlock."""
    from textual.widgets._toast import Toast, ToastRack  # the screen imports them already

    try:
        popped.set_pre_await_callback(None)  # its check is for the screen's own handler
        await popped
        loop = asyncio.get_running_loop()
        until = loop.time() + LONGEST
        while loop.time() < until:
            try:
                # The rack's own children, not a query of the screen: this runs on every turn
                # of the event loop until the toast is in (a query walked every widget).
                rack = next((child for child in app.screen.children if isinstance(child, ToastRack)), None)
                if rack is None:
                    return  # notifications are off (as in tests): no toast will come
                if any(isinstance(toast, Toast) and toast.is_mounted
                       and getattr(getattr(toast, "_notification", None), "message", message) == message
                       for holder in rack.children for toast in holder.children):
                    return
            except Exception:  # noqa: BLE001 - no screen (the app closing): nothing to wait for
                return
            await asyncio.sleep(0)  # let the rack's messages run
    finally:
        release()
