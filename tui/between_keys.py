"""The warm-ups' one scheduler: small steps run on the main thread in the pauses between keys,
one step per tick of one repeating timer, only once no key has come for `PAUSE` (issue 15).

What runs here: the citizen screen's modules and CSS (tui.warm_up), each table drawn in its
other focus state (tui.widgets.focus_warm). Each job is an iterator; every `next()` is one step
of a millisecond or a few. Jobs run one after the other in the order they were added.

Why one repeating timer: the warm-up used to chain one-shot timers (each step set a timer for
the next), and in a real terminal such a timer, set from a timer callback, fired only when the
next key woke the app (measured: 60-150 ms gaps between steps). A repeating timer keeps
ticking; it runs only while there is work, and stops when the last job is done.

Why a pause, not only "no key waiting for its frame": a step is 2-10 ms of the main thread, and
a key that arrived during one waited for it. With keys every 100 ms (a fast typist during
start-up), steps that ran between them met one key in ten; a typist who keeps typing gets
the warm-ups once they stop.

A key can still come during a step (the bench's cursor key came 150 ms after the last one,
just as the steps began). A step that can stop part-way asks `key_coming()` between its parts;
while a step runs the interpreter switches threads every `STEP_SWITCH` seconds, so the
terminal driver's thread gets to read the key and say so (`KeyWaiting.posted`) within that,
not within the interpreter's 5 ms."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.widgets.key_waiting import KeyWaiting

# Seconds between steps: short, so the warm-ups are done ~0.1 s after start-up settles, before
# the first pane switch or citizen. A key still gets in between two steps, and a table's step
# stops for it (it was 10 ms, and with a key's pause in between the warm-ups ran into the
# third key: the first visit of pane 3 restyled its table's cells).
STEP_GAP = 0.002
PAUSE = 0.15  # seconds without a key before a step runs
STEP_SWITCH = 0.0005  # seconds: the interpreter's switch interval while a step runs


class BetweenKeys:
    """Owned by tui.startup.StartUp; the warm-ups add their jobs to it once start-up settles."""

    def __init__(self, app: Any, keys: KeyWaiting, gap: float = STEP_GAP, pause: float = PAUSE) -> None:
        self.app = app
        self.keys = keys  # no step until the keys pause
        self.gap = gap
        self.pause = pause
        self._jobs: deque[Iterator[object]] = deque()
        self._timer: Any = None

    @property
    def idle(self) -> bool:
        """No job is waiting or running."""
        return not self._jobs

    def add(self, job: Iterator[object]) -> None:
        """Run `job` step by step after the jobs already added."""
        self._jobs.append(job)
        if self._timer is None:
            self._timer = self.app.set_interval(self.gap, self._tick)

    def key_coming(self) -> bool:
        """A key has come or is on its way: a step that can stop part-way stops now."""
        return self.keys.waiting

    def _tick(self) -> None:
        if not self.keys.paused(self.pause):
            return
        switch = sys.getswitchinterval()
        lowered = switch > STEP_SWITCH
        if lowered:
            sys.setswitchinterval(STEP_SWITCH)
        try:
            while self._jobs:
                try:
                    next(self._jobs[0])
                except StopIteration:
                    self._jobs.popleft()  # done without a step this tick: the next job's step now
                    continue
                return  # one step a tick
        finally:
            # Given back only if still ours: start-up's end (on a worker's thread) may have set
            # the interpreter's own meanwhile, and putting back what was before would undo it.
            if lowered and sys.getswitchinterval() == STEP_SWITCH:
                sys.setswitchinterval(switch)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
