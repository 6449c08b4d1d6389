"""Whether a key has arrived whose frame has not been drawn yet: work that can wait (a pane's
rows landing during start-up, a warm-up step) goes after that frame, so the key is answered in
a frame of its own (issue 15)."""

from __future__ import annotations

import time
from typing import Any

# A key's frame comes within a frame period of Textual's (1/60 s) once the key is handled. The
# key is handled by the focused widget after the app has seen it, and a refresh before that
# (nothing dirty yet) is not its frame: so a key counts as waiting for at least this long.
# (A timer to end the wait is not used: in a real terminal a one-shot timer set from a timer
# or a key fired only when the next key woke the app.)
AT_LEAST = 0.02  # seconds
# A key the terminal driver has read but the main thread has not yet seen counts as waiting from
# the moment the driver posts it (its thread), for at most this long: on a busy start the main
# thread waited 20-50 ms for the GIL before it even saw the key, while workers ran on.
POSTED_AT_MOST = 0.1  # seconds
# A key reaches the app three times (from the driver, then bubbling back up); its binding runs
# at the last. The refresh after each sight is awaited, so the one after the binding is the
# key's frame. A key not drawn after this long no longer counts as waiting, whatever happens.
AT_MOST = 0.15  # seconds


class KeyWaiting:
    """Told of every key by tui.startup.StartUp (on the main thread, as the key arrives)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._key_at = float("-inf")
        self._posted_at = float("-inf")
        self._drawn = True
        self._sights = 0  # sights of the newest key whose refresh has not come yet

    def posted(self) -> None:
        """On the driver's thread: a key has been read and posted to the app. Only a time is
        set (one assignment): the main thread's `key` takes over once it sees the key."""
        self._posted_at = time.monotonic()

    def key(self) -> None:
        self._key_at = time.monotonic()
        self._posted_at = float("-inf")
        self._drawn = False
        self._sights = 1
        self.app.call_after_refresh(self._frame_drawn)

    def seen_again(self) -> None:
        """The same key, bubbled back up to the app: its frame is the refresh after this."""
        self._drawn = False
        self._sights += 1
        self.app.call_after_refresh(self._frame_drawn)

    def _frame_drawn(self) -> None:
        # A refresh that came while the key still travelled up the DOM is not its frame:
        # warm-up steps of 5 ms ran between a key's binding and its frame (45 ms after it).
        self._sights = max(0, self._sights - 1)
        if not self._sights:
            self._drawn = True

    def paused(self, seconds: float) -> bool:
        """No key waits for its frame, and none has come for `seconds`."""
        return not self.waiting and time.monotonic() - max(self._key_at, self._posted_at) >= seconds

    @property
    def waiting(self) -> bool:
        now = time.monotonic()
        if now - self._posted_at < POSTED_AT_MOST:
            return True
        since_key = now - self._key_at
        return since_key < AT_LEAST or (not self._drawn and since_key < AT_MOST)


def key_waiting(app: Any) -> bool:
    """Whether `app` has a key waiting for its frame (False for an app without start-up, as in
    some tests)."""
    startup = getattr(app, "startup", None)
    keys = getattr(startup, "key_waiting", None)
    return bool(keys is not None and keys.waiting)


def key_goes_first(app: Any) -> bool:
    """During start-up (until every pane has its data), whether a key is waiting for its frame:
    then a pane's rows land after that frame, not in it. Once settled, rows land at once (a
    save's refresh is what the caseworker waits for)."""
    startup = getattr(app, "startup", None)
    return bool(startup is not None and not startup.settled and key_waiting(app))
