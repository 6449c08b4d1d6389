"""Whether a key has arrived whose frame has not been drawn yet: work that can wait (a pane's
rows landing during start-up, a warm-up step) goes after that frame, so the key is answered in
a frame of its own (issue 15). While keys come in rhythm, a pane's rows wait for the gap
right after a key's frame (`after_key_frame`), so the next key does not meet their frame."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from functools import partial
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
# Keys come "in rhythm" while one has come within this long: a typist holding `j` or tapping
# every 100 ms. Then a pane's rows land only right after a key's frame has been drawn, so the
# landing frame (11-25 ms of the main thread) is done before the next key comes; a key that
# arrived during a landing frame waited for all of it (traced: the keys over 40 ms).
RHYTHM = 0.15  # seconds
PARKED_POLL = 0.01  # seconds between looks at whether the keys have paused (parked landings)


class KeyWaiting:
    """Told of every key by tui.startup.StartUp (on the main thread, as the key arrives)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._key_at = float("-inf")
        self._posted_at = float("-inf")
        self._drawn = True
        self._sights = 0  # sights of the newest key whose refresh has not come yet
        self._serial = 0  # the newest key's number: a refresh asked for by an older key is not its frame
        # Work parked until right after a key's frame (or until the keys pause): one item runs
        # per key frame, so two panes' rows never land in one frame.
        self._parked: deque[Callable[[], None]] = deque()
        self._parked_timer: Any = None
        self._released_for = 0  # the key after whose frame a parked item last ran

    def posted(self) -> None:
        """On the driver's thread: a key has been read and posted to the app. Only a time is
        set (one assignment): the main thread's `key` takes over once it sees the key."""
        self._posted_at = time.monotonic()

    def key(self) -> None:
        self._key_at = time.monotonic()
        self._posted_at = float("-inf")
        self._drawn = False
        self._sights = 1
        self._serial += 1
        self.app.call_after_refresh(partial(self._frame_drawn, self._serial))

    def seen_again(self) -> None:
        """The same key, bubbled back up to the app: its frame is the refresh after this."""
        self._drawn = False
        self._sights += 1
        self.app.call_after_refresh(partial(self._frame_drawn, self._serial))

    def _frame_drawn(self, serial: int | None = None) -> None:
        if serial is not None and serial != self._serial:
            # An older key's refresh, come after a newer key arrived: not the newer key's frame
            # (it counted down the newer key's sights, and parked rows landed in its wait).
            return
        # A refresh that came while the key still travelled up the DOM is not its frame:
        # warm-up steps of 5 ms ran between a key's binding and its frame (45 ms after it).
        self._sights = max(0, self._sights - 1)
        if not self._sights:
            self._drawn = True
            self._after_key()

    @property
    def last_key_at(self) -> float:
        """When the newest key came, or was posted by the driver (monotonic seconds)."""
        return max(self._key_at, self._posted_at)

    def in_rhythm(self) -> bool:
        """A key has come (or been posted) within `RHYTHM`: more are likely."""
        return time.monotonic() - self.last_key_at < RHYTHM

    def after_key_frame(self, work: Callable[[], None]) -> None:
        """Run `work` right after the next key's frame has been drawn, or once the keys pause
        (no key for `RHYTHM`), whichever comes first; one parked item per frame. A repeating
        timer looks for the pause: a one-shot timer set here fired, in a real terminal, only
        when the next key woke the app."""
        self._parked.append(work)
        if self._parked_timer is None:
            self._parked_timer = self.app.set_interval(PARKED_POLL, self._look_for_pause)

    @property
    def parked(self) -> int:
        return len(self._parked)

    def _after_key(self) -> None:
        """One parked item once the newest key's frame has been drawn: not at the refresh after
        the key's first sight (its binding runs at the last, and a refresh can come between;
        `waiting` holds for `AT_LEAST` for that), and not when a newer key is on its way."""
        if self._parked and not self.waiting and self._released_for != self._serial:
            self._released_for = self._serial
            self._run_parked()

    def _look_for_pause(self) -> None:
        if not self.waiting and not self.in_rhythm():
            self._run_parked()
        else:
            self._after_key()

    def _run_parked(self) -> None:
        if self._parked:
            self._parked.popleft()()
        if not self._parked and self._parked_timer is not None:
            self._parked_timer.stop()
            self._parked_timer = None

    def paused(self, seconds: float) -> bool:
        """No key waits for its frame, and none has come for `seconds`."""
        return not self.waiting and time.monotonic() - self.last_key_at >= seconds

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


def keys_in_rhythm(app: Any) -> KeyWaiting | None:
    """During start-up (until every pane has its data), while keys come in rhythm: the app's
    KeyWaiting, to park a pane's landing until right after a key's frame; else None."""
    startup = getattr(app, "startup", None)
    keys: KeyWaiting | None = getattr(startup, "key_waiting", None)
    if startup is None or startup.settled or keys is None or not keys.in_rhythm():
        return None
    return keys


def key_goes_first(app: Any) -> bool:
    """During start-up (until every pane has its data), whether a key is waiting for its frame:
    then a pane's rows land after that frame, not in it. Once settled, rows land at once (a
    save's refresh is what the caseworker waits for)."""
    startup = getattr(app, "startup", None)
    return bool(startup is not None and not startup.settled and key_waiting(app))
