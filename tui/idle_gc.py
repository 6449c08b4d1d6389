"""Python's full garbage collections are run while the caseworker pauses, not inside a key.

A screen that is closed leaves thousands of objects in reference cycles (Textual's widgets and
their styles point at each other), long lived enough to reach the oldest generation, where only
a full collection finds them. CPython starts one after every tenth collection of the middle
generation, wherever that falls: measured in a real terminal, full collections of 16-44 ms
landed inside opening a citizen (issue 15). Once start-up has settled (tui.startup), automatic
full collections are turned off and this runs one when the oldest generation is due, as often
as CPython would, but only after IDLE seconds without a key. Should the keys never pause,
FORCE_AFTER makes it run anyway, so memory stays bounded."""

from __future__ import annotations

import gc
import time
from typing import Any

IDLE = 0.8  # seconds without a key before a full collection may run
DUE = 10  # collections of the middle generation since the last full one: CPython's own default
FORCE_AFTER = 100  # ... and however busy the keys are, after this many
CHECK = 0.25  # seconds between checks
NEVER = 1_000_000  # as the oldest generation's threshold: no automatic full collection


class IdleCollector:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.last_key = time.monotonic()
        self.collections = 0

    def start(self) -> None:
        first, middle, _ = gc.get_threshold()
        gc.set_threshold(first, middle, NEVER)
        self.app.set_interval(CHECK, self.check)

    def key(self) -> None:
        self.last_key = time.monotonic()

    def check(self) -> None:
        due = gc.get_count()[2]  # middle-generation collections since the last full one
        idle = time.monotonic() - self.last_key >= IDLE
        if (due >= DUE and idle) or due >= FORCE_AFTER:
            gc.collect()
            self.collections += 1
