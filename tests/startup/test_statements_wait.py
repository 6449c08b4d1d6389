"""While start-up settles, the store's statements on worker threads wait while a key waits for
its frame (tui.startup.StatementsWait): the panes' first reads compile their statements in five
workers at once, and a key pressed meanwhile waited 20-60 ms for the interpreter (issue 15).
The main thread never waits; the listener is on the engine only until start-up has settled."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text

from store.clock import Clock
from tests.app_helpers import settled
from tests.conftest import TODAY
from tui.startup import StatementsWait


class _Keys:
    """A key waits for its frame until `drawn()`; tells when a worker has looked twice (it is
    then inside the wait)."""

    def __init__(self) -> None:
        self._waiting = True
        self.looked = 0
        self.worker_waits = threading.Event()

    @property
    def waiting(self) -> bool:
        if threading.current_thread() is not threading.main_thread():
            self.looked += 1
            if self.looked >= 2:
                self.worker_waits.set()
        return self._waiting

    def drawn(self) -> None:
        self._waiting = False


def test_a_workers_statement_waits_for_the_keys_frame_and_the_main_threads_does_not() -> None:
    engine = create_engine("sqlite://")
    keys = _Keys()
    held = StatementsWait(keys)
    held.install(engine)
    try:
        with engine.connect() as conn:  # on the main thread: never held back
            assert conn.execute(text("select 1")).scalar() == 1
        assert held.waits == 0
        done = threading.Event()

        def read() -> None:
            with engine.connect() as conn:
                conn.execute(text("select 1"))
            done.set()

        worker = threading.Thread(target=read)
        worker.start()
        assert keys.worker_waits.wait(10)
        assert not done.is_set()  # the statement waits for the key's frame …
        keys.drawn()
        worker.join(10)
        assert done.is_set()  # … and runs once it is drawn
        assert held.waits == 1
    finally:
        held.remove()
    assert not event.contains(engine, "before_execute", held._before_execute)


async def test_the_listener_is_on_the_engine_only_until_start_up_has_settled(demo_db: Path | str,
                                                                             clock: Any) -> None:
    from store.facade import Store
    from tui.app import SagsdagApp
    from tui.config import Config

    release = threading.Event()

    def opener() -> Store:
        release.wait(30)
        return Store.open(demo_db, clock=clock)

    app = SagsdagApp(opener=opener, clock=Clock(TODAY), config=Config())
    installed: list[bool] = []
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            real = app.startup._opened

            def opened(store: Store) -> None:
                real(store)
                installed.append(event.contains(store.engine, "before_execute",
                                                app.startup.statements_wait._before_execute))

            app.startup._opened = opened  # type: ignore[method-assign]
            release.set()
            await settled(pilot)
            assert installed == [True]
            assert not event.contains(app.store.engine, "before_execute", app.startup.statements_wait._before_execute)
    finally:
        release.set()
        if app.store is not None:
            app.store.close()
