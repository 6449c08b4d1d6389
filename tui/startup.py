"""Start-up, so that the program answers from the first key.

The first caseload page is on screen before anything heavy has loaded (store.quick). The full
store then opens in a thread worker, and these keep that worker and what follows it off the
key path:

- **Keys first.** A worker that imports SQLAlchemy holds the GIL for most of a second; a key
  pressed meanwhile got the interpreter only in 5 ms slices between module bodies and took
  half a second to show. While the store opens, the worker's imports wait (`KeyFirst`, a
  meta-path hook that only waits and never finds anything) from the moment a key arrives
  until that key's frame has been drawn, and the interpreter hands over every millisecond
  instead of every five. The main thread never waits on the worker; the worker waits on it.
- **Keys first, after the store has opened, too.** The panes' first reads then run in five
  workers, compiling their statements (the Today pane's ~51 ms of CPU); a key pressed meanwhile
  cost the main thread 1-3 ms but waited 20-60 ms for the GIL. Until the reads (and the save
  reads' warm-up) are done, each worker's next statement waits while a key waits for its frame
  (`StatementsWait`, a listener on the store's engine), and the 1 ms switch interval stays. A
  key counts as waiting from the moment the terminal driver's thread posts it (the main thread
  itself may be waiting for the GIL then) until the frame after its binding has run
  (tui.widgets.key_waiting).
- **A first key before the store.** The worker starts after the first frame, but only once
  no key has come for `OPEN_AFTER_QUIET` (at most `OPEN_AT_MOST` after the frame): a key
  pressed the moment the rows show (the start-up a caseworker feels) met the worker in a long
  SQLAlchemy module body, where no import hook can stop it, and shared the GIL with it: 22 ms
  of the main thread took 45-54 ms. The worker waits in its own thread, holding no GIL.
- **No garbage collection until the screen is settled.** Importing Textual and SQLAlchemy
  creates a few hundred thousand objects, and each full collection over them holds the GIL
  for 100–170 ms, wherever it happens to strike: in the worker's import or in the middle of a
  key. `hold_gc()` turns the collector off for the start-up; once every pane has its data,
  `release_gc()` moves everything alive into the permanent generation (`gc.freeze()`) and
  turns it back on, so no later collection walks the start-up's objects again. From then on
  full collections wait for a pause in the keys (tui.idle_gc).
- **Warm once settled.** What the first open of a citizen needs (its screen's modules and CSS)
  is made ready in small steps between keys (tui.warm_up; the tables' other focus state
  too, tui.widgets.focus_warm; both on one scheduler, tui.between_keys), so the first open
  costs what a later one does; the reads a save's refresh makes are compiled on a worker
  (`Store.warm_saves`), so the first save costs what a later one does.
- **The day's backup after interactive.** It used to run in the opening worker, before the
  panes got their data. It now runs once every pane has loaded, in a thread worker; the copy
  itself is SQLite's backup API, which releases the GIL while it copies pages.
- **Rows land between keys.** While keys come in rhythm (one within 150 ms), a pane's rows
  land only once the newest key's frame has been drawn, one pane per key (or once the keys
  pause), so the landing frame is done before the next key comes: a key that met a landing
  frame waited 11-25 ms of it (tui.widgets.key_waiting, `after_key_frame`).
- **No key lost.** Cursor keys and enter pressed on a pane whose rows have not come yet (all
  but the caseload, which has the quick page; every pane on a database migrated at start) are
  kept and run once its rows land (tui.panes.pending_keys).

Nothing here trades correctness for speed: the quick page is only shown when its deadlines are
current (store.quick), and every pane reloads from the full store as soon as it is open."""

from __future__ import annotations

import gc
import importlib.abc
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # named, never imported here: this module runs before the store exists
    from store.facade import Store

KEY_FRAME_WAIT = 0.25  # at most this long an import waits for a key's frame (a held key repeats)
SWITCH_INTERVAL = 0.001  # until start-up is quiet: the main thread waits ≤ 1 ms for the GIL
STATEMENT_POLL = 0.001  # seconds a waiting statement sleeps between looks at the key
SETTLE_POLL = 0.1  # seconds between checks that every pane has its data
OPEN_AFTER_QUIET = 0.04  # seconds without a key, after the first frame, before the store opens
OPEN_AT_MOST = 0.15  # ... and it opens this long after the first frame, whatever the keys do
QUIET_POLL = 0.005  # seconds between the waiting worker's looks at the keys
GC_DEADLINE = 30.0  # the collector comes back after this long whatever happens

_gc_held = False


def hold_gc() -> None:
    """Call first thing on the way to the app (never in tests or short commands)."""
    global _gc_held
    if gc.isenabled():
        gc.disable()
        _gc_held = True


def release_gc() -> bool:
    """Freeze what start-up built and turn the collector back on (only if `hold_gc` held it:
    True then)."""
    global _gc_held
    if _gc_held:
        _gc_held = False
        gc.freeze()
        gc.enable()
        return True
    return False


class KeyFirst(importlib.abc.MetaPathFinder):
    """Makes one thread's imports wait while the main thread has a key to answer."""

    def __init__(self, keys: Any = None) -> None:
        self.quiet = threading.Event()
        self.quiet.set()
        self.thread_id: int | None = None
        self.keys = keys  # KeyWaiting: a key posted by the driver, not yet seen, waits too

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if threading.get_ident() == self.thread_id:
            self.quiet.wait(KEY_FRAME_WAIT)
            # From the moment the driver's thread posts a key, not only once the main thread,
            # itself waiting for the GIL, has seen it (bounded as the statements' wait is).
            deadline = time.monotonic() + KEY_FRAME_WAIT
            while self.keys is not None and self.keys.waiting and time.monotonic() < deadline:
                time.sleep(STATEMENT_POLL)
        return None  # never finds anything: the real finders after it do the importing

    def key_arrived(self) -> None:
        self.quiet.clear()

    def frame_drawn(self) -> None:
        self.quiet.set()

    def install(self) -> None:
        self.thread_id = threading.get_ident()
        sys.meta_path.insert(0, self)

    def remove(self) -> None:
        self.thread_id = None
        self.quiet.set()
        try:
            sys.meta_path.remove(self)
        except ValueError:
            pass


class StatementsWait:
    """Makes the store's statements on worker threads wait while a key waits for its frame.

    Once the store is open, the panes' first reads run in five workers at once, and the first
    read of each compiles its statements (the Today pane's ~51 ms of CPU for 38 of them). A key
    pressed meanwhile cost the main thread 1-3 ms but waited 20-60 ms for the GIL among those
    workers. A `before_execute` listener on the store's engine (SQLAlchemy calls it before it
    compiles the statement) holds the worker's next statement until the key's frame has been
    drawn, as `KeyFirst` holds the opening worker's imports. Registered here, from the UI
    side, while start-up has not settled, and removed after: store/ knows nothing of keys.
    The main thread never waits: it runs no statements, and a listener called on it returns."""

    def __init__(self, keys: Any) -> None:
        self.keys = keys  # tui.widgets.key_waiting.KeyWaiting
        self.main_thread = threading.get_ident()
        self._engine: Any = None
        self.waits = 0  # statements held back (for tests)

    def install(self, engine: Any) -> None:
        from sqlalchemy import event  # the store is open: SQLAlchemy is imported already

        event.listen(engine, "before_execute", self._before_execute)
        self._engine = engine

    def remove(self) -> None:
        engine, self._engine = self._engine, None
        if engine is None:
            return
        from sqlalchemy import event

        try:
            event.remove(engine, "before_execute", self._before_execute)
        except Exception:  # noqa: BLE001 - an engine already disposed: nothing left to hold back
            pass

    def _before_execute(self, *_args: Any) -> None:
        if self._engine is None or threading.get_ident() == self.main_thread or not self.keys.waiting:
            return
        self.waits += 1
        deadline = time.monotonic() + KEY_FRAME_WAIT
        while self.keys.waiting and time.monotonic() < deadline:
            time.sleep(STATEMENT_POLL)  # sleeping releases the GIL to the key


class StartUp:
    """Owned by the app: opens the store off the key path, then settles."""

    def __init__(self, app: Any, after_open: Callable[[], Any] | None = None) -> None:
        self.app = app
        self.after_open = after_open  # the day's backup, run once the panes have their data
        self.opening = False
        self.settled = False
        self._timer: Any = None
        from tui.widgets.key_waiting import KeyWaiting

        self.key_waiting = KeyWaiting(app)  # rows landing and warm-up steps go after a key's frame
        self.key_first = KeyFirst(self.key_waiting)
        from tui.between_keys import BetweenKeys

        self.between_keys = BetweenKeys(app, self.key_waiting)  # the warm-ups' steps, between keys
        from tui.warm_up import WarmUp

        self.warm_up = WarmUp(app, self.between_keys)
        from tui.idle_gc import IdleCollector

        self.idle_gc = IdleCollector(app)
        from tui.widgets.focus_warm import FocusWarmUp

        self.focus_warm = FocusWarmUp(app, self.between_keys)  # tables drawn in their other focus state
        self.statements_wait = StatementsWait(self.key_waiting)  # the panes' first reads yield to keys

    # -- called by the app -------------------------------------------------------------------

    def begin(self) -> None:
        """After the first frame."""
        self.app.set_timer(GC_DEADLINE, release_gc)
        if self.app.store is not None:
            self._start_settling()
            return
        self.opening = True
        self._begun_at = time.monotonic()
        self.app.run_worker(self._open, thread=True, exit_on_error=False, group="open", name="open")

    def key_posted(self) -> None:
        """On the terminal driver's thread: a key is on its way to the main thread. The
        workers' statements wait from now (StatementsWait), not only once the main thread,
        itself waiting for the GIL, has seen it."""
        self.key_waiting.posted()

    def key_again(self) -> None:
        """The same key, bubbled back up to the app (its binding runs at the last sight)."""
        self.key_waiting.seen_again()

    def key(self) -> None:
        """A key arrived on the main thread: the opening worker's imports wait for its frame,
        and the warm-up for a pause."""
        self.key_waiting.key()
        self.idle_gc.key()
        if self.opening:
            self.key_first.key_arrived()
            self.app.call_after_refresh(self.key_first.frame_drawn)
            self.app.set_timer(KEY_FRAME_WAIT, self.key_first.frame_drawn)

    # -- the worker ------------------------------------------------------------------------

    _begun_at = float("-inf")  # when the first frame had been drawn

    def _wait_for_quiet(self) -> None:
        """On the worker's thread, before it imports anything: until no key has come (nor
        waits for its frame) for `OPEN_AFTER_QUIET` since the first frame, or `OPEN_AT_MOST`
        after it. Sleeping holds no GIL."""
        keys = self.key_waiting
        while True:
            now = time.monotonic()
            if now - self._begun_at >= OPEN_AT_MOST:
                return
            if now - max(self._begun_at, keys.last_key_at) >= OPEN_AFTER_QUIET and not keys.waiting:
                return
            time.sleep(QUIET_POLL)

    def _open(self) -> None:
        self._wait_for_quiet()
        # 1 ms from now until the panes' first reads and the save reads' warm-up are done
        # (`_quiet`), not only while the store opens: those reads compete for the GIL too.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        self.key_first.install()
        try:
            store = self.app.opener() if self.app.opener is not None else None
        except BaseException as exc:  # noqa: BLE001 - shown on screen, never a traceback
            self.key_first.remove()
            self._quiet()
            self.app.call_from_thread(self._failed, exc)
        else:
            self.key_first.remove()
            self.app.call_from_thread(self._opened, store)

    _switch_interval: float | None = None  # the interpreter's own, while start-up lowers it

    def _quiet(self) -> None:
        """Start-up's workers are done: statements run freely and the interpreter switches
        threads at its own pace again (any thread)."""
        self.statements_wait.remove()
        previous, self._switch_interval = self._switch_interval, None
        if previous is not None:
            sys.setswitchinterval(previous)

    # -- back on the main thread -----------------------------------------------------------

    def _opened(self, store: Store) -> None:
        self.opening = False
        self.app.store = store
        if store is not None:
            self.statements_wait.install(store.engine)
        else:
            self._quiet()
        self.app.refresh_all(in_turn=True)
        self._start_settling()

    def _failed(self, exc: BaseException) -> None:
        self.opening = False
        release_gc()
        from tui.screens.failed import OpenFailedScreen

        self.app.push_screen(OpenFailedScreen(exc))

    def _start_settling(self) -> None:
        self._timer = self.app.set_interval(SETTLE_POLL, self._check_settled)

    def _check_settled(self) -> None:
        if not self._panes_loaded():
            return
        self._timer.stop()
        self.settled = True
        if release_gc():
            self.idle_gc.start()
        if self.after_open is not None:
            job, self.after_open = self.after_open, None
            self.app.run_worker(job, thread=True, exit_on_error=False, group="after-open", name="daily-backup")
        self.warm_up.start()
        self.focus_warm.start()
        store = self.app.store
        if store is not None:  # compile what a save's refresh reads: the first save pays no more than the next
            self.app.run_worker(partial(self._warm_saves, store), thread=True, exit_on_error=False, group="warm",
                                name="warm-saves")
        else:
            self._quiet()

    def _warm_saves(self, store: Store) -> None:
        """On a worker: its statements, too, wait for a key's frame; then start-up is quiet."""
        try:
            store.warm_saves()
        finally:
            self._quiet()

    def _panes_loaded(self) -> bool:
        """Every pane of the main screen shows rows from the full store. (`app.query` finds
        nothing below the screens: this held only because all five loads used to start at
        once, and none running meant all done.)"""
        if any(w.group == "pane" and w.is_running for w in self.app.workers):
            return False
        from tui.screens.main import MainScreen

        main = next((s for s in self.app.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or main.loading_in_turn():
            return False
        return all(pane.shows_newest() for pane in main.panes)
