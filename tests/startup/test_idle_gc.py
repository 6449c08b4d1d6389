"""Full garbage collections wait for a pause in the keys once start-up has settled (issue 15:
16-44 ms full collections landed inside opening a citizen)."""

from __future__ import annotations

import gc
from typing import Any

import pytest

import tui.idle_gc
from tui.idle_gc import DUE, FORCE_AFTER, NEVER, IdleCollector


class FakeApp:
    def __init__(self) -> None:
        self.intervals: list[Any] = []

    def set_interval(self, seconds: float, callback: Any) -> None:
        self.intervals.append(callback)


@pytest.fixture
def collector(monkeypatch: pytest.MonkeyPatch) -> tuple[IdleCollector, list[int], list[int]]:
    threshold = gc.get_threshold()
    count = [0, 0, 0]
    collected: list[int] = []
    monkeypatch.setattr(tui.idle_gc.gc, "get_count", lambda: tuple(count))
    monkeypatch.setattr(tui.idle_gc.gc, "collect", lambda *a: collected.append(1) or 0)
    clock = [100.0]
    monkeypatch.setattr(tui.idle_gc.time, "monotonic", lambda: clock[0])
    idle = IdleCollector(FakeApp())
    idle.clock = clock  # type: ignore[attr-defined]
    yield idle, count, collected
    gc.set_threshold(*threshold)


def test_automatic_full_collections_are_off_once_started(collector) -> None:  # type: ignore[no-untyped-def]
    idle, _, _ = collector
    idle.start()
    assert gc.get_threshold()[2] == NEVER
    assert idle.app.intervals == [idle.check]


def test_a_due_collection_waits_for_a_pause_in_the_keys(collector) -> None:  # type: ignore[no-untyped-def]
    idle, count, collected = collector
    count[2] = DUE
    idle.key()
    idle.check()
    assert collected == []  # a key a moment ago
    idle.clock[0] += 1.0
    idle.check()
    assert collected == [1]


def test_nothing_is_collected_before_it_is_due(collector) -> None:  # type: ignore[no-untyped-def]
    idle, count, collected = collector
    count[2] = DUE - 1
    idle.clock[0] += 10
    idle.check()
    assert collected == []


def test_keys_that_never_pause_still_get_a_collection(collector) -> None:  # type: ignore[no-untyped-def]
    idle, count, collected = collector
    count[2] = FORCE_AFTER
    idle.key()
    idle.check()
    assert collected == [1]
