"""While keys come in rhythm during start-up, a pane's rows land only right after a key's frame
has been drawn (tui.widgets.key_waiting, `after_key_frame`; tui.panes.base, `land`). A key that
arrived during the frame that showed a pane's new rows waited for all of it: 11-25 ms of the
main thread, the start-up keys over 40 ms in five traced starts (issue 15). Landing right after
a key's frame leaves the whole gap before the next key to the landing frame."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from textual import events

from store.clock import Clock
from tests.app_helpers import settle
from tests.conftest import TODAY


class _App:
    def __init__(self) -> None:
        self.after_refresh: list[Any] = []
        self.timers: list[Any] = []

    def call_after_refresh(self, callback: Any) -> None:
        self.after_refresh.append(callback)

    def set_interval(self, _gap: float, callback: Any) -> Any:
        app = self

        class _Timer:
            def stop(self) -> None:
                app.timers.remove(callback)

        self.timers.append(callback)
        return _Timer()

    def refresh(self) -> None:
        callbacks, self.after_refresh = self.after_refresh, []
        for callback in callbacks:
            callback()


def test_parked_work_runs_after_the_next_keys_frame_one_item_a_frame() -> None:
    from tui.widgets.key_waiting import AT_LEAST, KeyWaiting

    app = _App()
    keys = KeyWaiting(app)
    ran: list[str] = []
    keys.key()
    keys.after_key_frame(lambda: ran.append("a"))
    keys.after_key_frame(lambda: ran.append("b"))
    assert ran == [] and app.timers  # a repeating look for the pause
    keys._key_at = time.monotonic() - AT_LEAST  # the key's frame counts
    app.refresh()  # the key's frame
    assert ran == ["a"]  # one item a frame: never two panes' rows in one frame
    keys.key()
    keys._key_at = time.monotonic() - AT_LEAST
    app.refresh()
    assert ran == ["a", "b"] and not app.timers and keys.parked == 0


def test_parked_work_runs_once_the_keys_pause() -> None:
    from tui.widgets.key_waiting import RHYTHM, KeyWaiting

    app = _App()
    keys = KeyWaiting(app)
    ran: list[str] = []
    keys.key()
    app.refresh()
    keys.after_key_frame(lambda: ran.append("a"))
    app.timers[0]()  # a look while a key came within the rhythm: nothing
    assert ran == []
    keys._key_at = time.monotonic() - RHYTHM  # no key since: the keys paused
    app.timers[0]()
    assert ran == ["a"] and not app.timers


async def test_rows_land_right_after_a_keys_frame_while_keys_come(demo_db: Path, clock: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A typist presses a key every 100 ms while the panes get the full store's rows (the
    key-waiting clock is the test's: 70 ms pass before each key, 30 ms once its frame is
    drawn). Every pane that lands meanwhile lands in the gap after a key's frame, never while
    a key waits for its frame, and one pane at most in each gap."""
    if not isinstance(demo_db, Path):
        pytest.skip("the quick first page reads SQLite files only")
    from types import SimpleNamespace

    import tui.widgets.key_waiting as key_waiting
    from store.facade import Store
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE, Pane
    from tui.widgets.key_waiting import KeyWaiting

    now = [1000.0]
    monkeypatch.setattr(key_waiting, "time", SimpleNamespace(monotonic=lambda: now[0]))
    key_drawn, looked = asyncio.Event(), asyncio.Event()
    typed = [0]  # keys typed so far
    landed: list[tuple[str, bool, int]] = []  # (pane, a key waiting then, keys typed before it)
    frame_drawn, apply = KeyWaiting._frame_drawn, Pane.apply
    look = getattr(KeyWaiting, "_look_for_pause", None)
    run_parked = getattr(KeyWaiting, "_run_parked", None)

    def drawn(self, *args):  # type: ignore[no-untyped-def]
        frame_drawn(self, *args)
        if self._drawn:
            key_drawn.set()

    def looking(self):  # type: ignore[no-untyped-def]
        look(self)
        looked.set()

    def running(self):  # type: ignore[no-untyped-def]
        run_parked(self)
        looked.set()

    def applying(self, data):  # type: ignore[no-untyped-def]
        if not self._pending_keys:  # keys kept for the rows wait for them: those land at once
            landed.append((self.pane_id, self.app.startup.key_waiting.waiting, typed[0]))
        apply(self, data)

    monkeypatch.setattr(KeyWaiting, "_frame_drawn", drawn)
    if look is not None:
        monkeypatch.setattr(KeyWaiting, "_look_for_pause", looking)
        monkeypatch.setattr(KeyWaiting, "_run_parked", running)
    monkeypatch.setattr(Pane, "apply", applying)
    release = threading.Event()

    def opener() -> Store:
        release.wait(30)
        return Store.open(demo_db, clock=clock)

    quick = quick_caseload(demo_db, TODAY, None, PAGE)
    app = SagsdagApp(opener=opener, quick=quick, clock=Clock(TODAY), config=Config())
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            await pilot.press("2")  # the caseload, as the benchmark's typist
            release.set()
            while app.store is None:  # the keys that matter come while the panes land
                await pilot.pause()
            first = len(landed)
            keys = app.startup.key_waiting
            for n in range(500):  # until every pane has its data
                if app.startup.settled:
                    break
                now[0] += 0.07
                key_drawn.clear()
                name = "j" if n % 40 < 20 else "k"
                typed[0] += 1
                app.post_message(events.Key(name, name))
                await asyncio.wait_for(key_drawn.wait(), 10)
                now[0] += 0.03  # the key's frame is drawn: the gap before the next key
                looked.clear()
                if getattr(keys, "parked", 0):  # the parked rows' look comes on a repeating timer (or a frame)
                    await asyncio.wait_for(looked.wait(), 10)
            await settle(pilot)
            during = landed[first:]
            assert during, landed  # panes landed while the keys came …
            assert not any(waiting for _pane, waiting, _typed in during), during  # … none in a key's wait …
            gaps = [typed_before for _pane, _waiting, typed_before in during]
            assert len(gaps) == len(set(gaps)), during  # … one pane at most between two keys
    finally:
        if app.store is not None:
            app.store.close()


def test_an_older_keys_refresh_is_not_the_newer_keys_frame() -> None:
    """A refresh asked for by a key that came before the newest one used to count down the
    newest key's sights: parked rows landed in the newest key's wait, in its frame."""
    from tui.widgets.key_waiting import AT_LEAST, KeyWaiting

    app = _App()
    keys = KeyWaiting(app)
    ran: list[str] = []
    keys.key()
    older = app.after_refresh.pop()
    keys.after_key_frame(lambda: ran.append("rows"))
    keys.key()  # the next key, before the older one's refresh came
    keys._key_at = time.monotonic() - AT_LEAST
    older()
    assert ran == [] and keys.waiting
    app.refresh()  # the newer key's frame
    assert ran == ["rows"] and not keys.waiting
