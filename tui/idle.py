"""The idle lock: after `idle_lock_minutes` without a key, a blank screen hides the caseload
(CPR numbers, health notes) until a key is pressed. The key that unlocks does nothing else.

Install it by mixing `IdleLockMixin` into the App (before `App` in the bases) and calling
`self.install_idle_lock(minutes)` in `on_mount`. The clock is injectable so tests can fake
time: `install_idle_lock(minutes, clock=fake, every=...)`.

Key presses are seen in `on_event`, before bindings and focused widgets get them, so a key
that a widget consumes still counts as activity, and a priority binding (`?`, ctrl+p) cannot
open anything over the lock screen."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tui.i18n import t

CHECK_EVERY = 5.0  # seconds between checks; the lock comes at most this late


class LockScreen(Screen[None]):
    """Blank but for one line; nothing of the caseload underneath shows through."""

    DEFAULT_CSS = """
    LockScreen { align: center middle; background: $background; }
    LockScreen > Static { width: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(t("idle.locked"), id="idle-lock-text", markup=False)


class IdleLock:
    """The timer logic, separate from the App so it can be tested without one."""

    def __init__(self, minutes: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = max(0, int(minutes)) * 60
        self.clock = clock
        self.last = clock()
        self.locked = False

    @property
    def enabled(self) -> bool:
        return self.seconds > 0

    def touch(self) -> None:
        self.last = self.clock()

    def due(self) -> bool:
        return self.enabled and not self.locked and self.clock() - self.last >= self.seconds


class IdleLockMixin:
    """Mix into the App: `class SagsdagApp(IdleLockMixin, App)`."""

    idle_lock: IdleLock | None = None
    _lock_screen: LockScreen | None = None

    def install_idle_lock(self, minutes: int, *, clock: Callable[[], float] = time.monotonic,
                          every: float = CHECK_EVERY) -> IdleLock | None:
        if minutes <= 0:
            self.idle_lock = None
            return None
        self.idle_lock = IdleLock(minutes, clock)
        self.set_interval(every, self.check_idle, name="idle-lock")  # type: ignore[attr-defined]
        return self.idle_lock

    def check_idle(self) -> None:
        lock = self.idle_lock
        if lock is not None and lock.due():
            self.lock_now()

    def lock_now(self) -> None:
        lock = self.idle_lock
        if lock is None or lock.locked:
            return
        lock.locked = True
        # Whatever a screen revealed (a full CPR number) is hidden again: after unlocking, a
        # passer-by's key must not bring it back. Screens opt in with `hide_revealed()`.
        for screen in list(self.screen_stack):  # type: ignore[attr-defined]
            hide = getattr(screen, "hide_revealed", None)
            if hide is not None:
                hide()
        self._lock_screen = LockScreen()
        self.push_screen(self._lock_screen)  # type: ignore[attr-defined]

    def unlock(self) -> None:
        lock = self.idle_lock
        if lock is None or not lock.locked:
            return
        lock.locked = False
        lock.touch()
        screen, self._lock_screen = self._lock_screen, None
        if screen is not None and self.screen is screen:  # type: ignore[attr-defined]
            self.pop_screen()  # type: ignore[attr-defined]

    async def on_event(self, event: events.Event) -> None:
        lock = self.idle_lock
        if lock is not None and isinstance(event, events.Key) and not event.is_forwarded:
            if lock.locked:
                event.stop()
                event.prevent_default()
                self.unlock()
                return  # the unlocking key does nothing else
            lock.touch()
        await super().on_event(event)  # type: ignore[misc]
