"""When a key counts as waiting for its frame (tui.widgets.key_waiting): from the moment the
terminal driver's thread posts it (the main thread may wait for the GIL before it sees it), and
until the refresh after its last sight on the app (its binding runs there), not the first
refresh after it arrived. Start-up's work that can wait (rows landing, warm-up steps, the
workers' next statements) goes after that frame (issue 15)."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path
from typing import Any

from textual import events

from store.clock import Clock
from tests.app_helpers import settle, settled
from tests.conftest import TODAY
from tui.widgets.key_waiting import AT_LEAST, AT_MOST, KeyWaiting


class _App:
    def __init__(self) -> None:
        self.after_refresh: list[Any] = []

    def call_after_refresh(self, callback: Any) -> None:
        self.after_refresh.append(callback)

    def refresh(self) -> None:
        callbacks, self.after_refresh = self.after_refresh, []
        for callback in callbacks:
            callback()


def test_the_keys_frame_is_the_refresh_after_its_last_sight() -> None:
    app = _App()
    keys = KeyWaiting(app)
    assert not keys.waiting
    keys.key()  # from the driver
    app.refresh()  # a refresh before the key has been handled: not its frame
    keys.seen_again()  # bubbled back up from the focused widget …
    keys.seen_again()  # … and from the screen: its binding runs now
    keys._key_at = time.monotonic() - (AT_LEAST + AT_MOST) / 2  # past the shortest wait: the frame counts
    assert keys.waiting
    app.refresh()
    assert not keys.waiting


async def test_a_key_counts_as_waiting_from_the_moment_the_driver_reads_it(make_app) -> None:  # type: ignore[no-untyped-def]
    """Through the driver class a terminal gets (tui.driver_keys): its input thread hands the
    key to `process_message`, which sends it on with `run_coroutine_threadsafe`; the app's
    `post_message` is not on that path (counting there never saw a real key)."""
    app = make_app()
    terminal_driver = app.driver_class  # run_test drives the app headless instead
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        keys = app.startup.key_waiting
        while keys.waiting:  # the keys of the start, if any
            await pilot.pause()
        driver = terminal_driver(app)  # never started: only its path for a key read is used
        driver._loop = asyncio.get_running_loop()
        reader = threading.Thread(target=driver.process_message, args=(events.Key("j", "j"),))
        reader.start()
        reader.join()
        # The main thread has not run since: it has not seen the key, and still it waits.
        assert keys.waiting
        table = app.screen.focused
        row = table.cursor_row
        for _ in range(200):
            if not keys.waiting:
                break
            await pilot.pause()
        assert not keys.waiting
        assert table.cursor_row == row + 1  # the key itself went its way


async def test_the_switch_interval_is_lowered_until_start_up_is_quiet(demo_db: Path | str, clock: Any) -> None:
    """1 ms while the store opens and the panes' first reads run (they compete for the GIL
    with the keys), the interpreter's own once the save reads are warm."""
    from store.facade import Store
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.startup import SWITCH_INTERVAL

    own = sys.getswitchinterval()
    release = threading.Event()
    during: list[float] = []

    def opener() -> Store:
        release.wait(30)
        during.append(sys.getswitchinterval())
        return Store.open(demo_db, clock=clock)

    app = SagsdagApp(opener=opener, clock=Clock(TODAY), config=Config())
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            release.set()
            await settled(pilot)
            assert during == [SWITCH_INTERVAL]
            assert sys.getswitchinterval() == own
    finally:
        release.set()
        if app.store is not None:
            app.store.close()
        sys.setswitchinterval(own)


def test_the_keys_pause_once_none_has_come_for_a_while() -> None:
    app = _App()
    keys = KeyWaiting(app)
    assert keys.paused(0.15)  # no key yet
    keys.key()
    app.refresh()
    assert not keys.paused(0.15)
    keys._key_at = time.monotonic() - 0.2
    assert keys.paused(0.15)
    keys.posted()  # the driver has read another
    assert not keys.paused(0.15)
