"""The idle lock: after `idle_lock_minutes` without a key a blank screen hides everything,
and the key that unlocks does nothing else. Time is faked through the injectable clock, and
the test runs the check itself (`tick`) instead of waiting for the interval timer: no test
depends on how fast the machine is."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from tests.app_helpers import settle
from tui.idle import IdleLock, IdleLockMixin, LockScreen

NEVER = 3600.0  # the interval timer never fires during a test; `tick` runs the check


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Small(IdleLockMixin, App):
    def __init__(self, clock: FakeClock, minutes: int = 5) -> None:
        super().__init__()
        self.clock, self.minutes, self.pressed = clock, minutes, []

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("CPR 010190-1234", id="secret")

    def on_mount(self) -> None:
        self.install_idle_lock(self.minutes, clock=self.clock, every=NEVER)

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        self.pressed.append(event.key)


async def tick(pilot) -> None:  # type: ignore[no-untyped-def]
    """What the interval timer does, now: check, then let the app handle what followed."""
    pilot.app.check_idle()
    await settle(pilot)


def test_the_timer_logic() -> None:
    clock = FakeClock()
    lock = IdleLock(2, clock)
    clock.now += 119
    assert not lock.due()
    clock.now += 1
    assert lock.due()
    lock.touch()
    assert not lock.due()
    assert not IdleLock(0, clock).due()


async def test_locks_after_the_idle_time() -> None:
    clock = FakeClock()
    app = Small(clock, minutes=5)
    async with app.run_test() as pilot:
        await tick(pilot)
        assert not isinstance(app.screen, LockScreen)
        clock.now += 4 * 60
        await pilot.press("a")  # activity resets the timer
        clock.now += 4 * 60
        await tick(pilot)
        assert not isinstance(app.screen, LockScreen)
        clock.now += 61
        await tick(pilot)
        assert isinstance(app.screen, LockScreen)
        assert not app.screen.query("#secret")  # nothing of the caseload on the lock screen


async def test_the_unlocking_key_does_nothing_else_and_the_timer_restarts() -> None:
    clock = FakeClock()
    app = Small(clock, minutes=5)
    async with app.run_test() as pilot:
        clock.now += 5 * 60
        await tick(pilot)
        assert isinstance(app.screen, LockScreen)
        pressed = list(app.pressed)
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(app.screen, LockScreen)
        assert app.pressed == pressed
        clock.now += 4 * 60
        await tick(pilot)
        assert not isinstance(app.screen, LockScreen)  # the timer restarted at the unlock


async def test_zero_minutes_never_locks() -> None:
    clock = FakeClock()
    app = Small(clock, minutes=0)
    async with app.run_test() as pilot:
        clock.now += 10 * 3600
        await tick(pilot)
        assert not isinstance(app.screen, LockScreen)


async def test_on_the_real_app_a_priority_key_only_unlocks(make_app) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    app = make_app(lang="en")
    async with app.run_test() as pilot:
        app.install_idle_lock(1, clock=clock, every=NEVER)
        await settle(pilot)
        below = type(app.screen)
        clock.now += 61
        await tick(pilot)
        assert isinstance(app.screen, LockScreen)
        depth = len(app.screen_stack)
        await pilot.press("question_mark")  # a priority binding (help) must not open over the lock
        await settle(pilot)
        assert len(app.screen_stack) == depth - 1
        assert type(app.screen) is below
