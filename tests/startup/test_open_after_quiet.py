"""The store's opening worker starts once the keys have paused after the first frame, and at
the latest `OPEN_AT_MOST` after it (tui.startup, `_wait_for_quiet`): a key pressed the moment
the rows show used to share the GIL with the worker's SQLAlchemy module bodies. Driven by a
clock of the test's own, so nothing here depends on the machine's speed."""

from __future__ import annotations

import pytest

from tui import startup
from tui.startup import OPEN_AFTER_QUIET, OPEN_AT_MOST, QUIET_POLL, StartUp


class _Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class _Keys:
    """Keys at the given times (as the driver posts them), each waiting 10 ms for its frame."""

    def __init__(self, clock: _Clock, times: list[float]) -> None:
        self.clock = clock
        self.times = times

    @property
    def last_key_at(self) -> float:
        return max((t for t in self.times if t <= self.clock.now), default=float("-inf"))

    @property
    def waiting(self) -> bool:
        return self.clock.now - self.last_key_at < 0.01


def _opened_at(monkeypatch: pytest.MonkeyPatch, keys_at: list[float]) -> float:
    clock = _Clock(100.0)
    monkeypatch.setattr(startup, "time", clock)
    start = StartUp.__new__(StartUp)  # only the wait is used
    start.key_waiting = _Keys(clock, [100.0 + t for t in keys_at])  # type: ignore[assignment]
    start._begun_at = 100.0  # the first frame
    start._wait_for_quiet()
    return clock.now - 100.0


def test_no_key_the_store_opens_after_the_quiet_spell(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _opened_at(monkeypatch, []) == pytest.approx(OPEN_AFTER_QUIET, abs=QUIET_POLL)


def test_a_key_at_once_is_answered_first(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _opened_at(monkeypatch, [0.008]) == pytest.approx(0.008 + OPEN_AFTER_QUIET, abs=QUIET_POLL)


def test_keys_that_keep_coming_delay_it_no_longer_than_the_most(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [n * 0.02 for n in range(50)]
    assert _opened_at(monkeypatch, keys) == pytest.approx(OPEN_AT_MOST, abs=QUIET_POLL)
