"""Whether a key has arrived whose frame has not been drawn yet: work that can wait (a pane's
rows landing during start-up, a warm-up step) goes after that frame, so the key is answered in
a frame of its own (issue 15)."""

from __future__ import annotations

from typing import Any

# A key's frame comes within a frame period of Textual's (1/60 s) once the key is handled. The
# key is handled by the focused widget after the app has seen it, and a refresh before that
# (nothing dirty yet) is not its frame: so the first refresh after this long counts.
AT_LEAST = 0.02  # seconds


class KeyWaiting:
    """Told of every key by tui.startup.StartUp (on the main thread, as the key arrives)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.waiting = False
        self._keys = 0  # keys seen; a key's frame ends the wait only if no key came after it

    def key(self) -> None:
        self.waiting = True
        self._keys += 1
        seen = self._keys
        self.app.set_timer(AT_LEAST, lambda: self.app.call_after_refresh(lambda: self._drawn(seen)))

    def _drawn(self, seen: int) -> None:
        if seen == self._keys:
            self.waiting = False


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
