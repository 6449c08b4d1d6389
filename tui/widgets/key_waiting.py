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


class KeyWaiting:
    """Told of every key by tui.startup.StartUp (on the main thread, as the key arrives)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._key_at = float("-inf")
        self._drawn = True

    def key(self) -> None:
        self._key_at = time.monotonic()
        self._drawn = False
        self.app.call_after_refresh(self._frame_drawn)

    def _frame_drawn(self) -> None:
        self._drawn = True

    @property
    def waiting(self) -> bool:
        return not self._drawn or time.monotonic() - self._key_at < AT_LEAST


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
