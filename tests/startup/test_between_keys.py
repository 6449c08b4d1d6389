"""The warm-ups' one scheduler (tui.between_keys): one step per tick of one repeating timer,
the jobs one after the other in the order added, no step until the keys pause, and no timer
left once the work is done."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from textual.app import App

from tui.between_keys import STEP_SWITCH, BetweenKeys


class _Keys:
    waiting = False  # here: a key came lately, or waits for its frame

    def paused(self, seconds: float) -> bool:
        return not self.waiting


def _job(name: str, steps: int, log: list[str], switch: list[float] | None = None) -> Iterator[None]:
    for n in range(steps):
        log.append(f"{name}{n}")
        if switch is not None:
            switch.append(sys.getswitchinterval())
        yield
    log.append(f"{name} done")


async def _until(pilot, check) -> None:  # type: ignore[no-untyped-def]
    for _ in range(500):
        if check():
            return
        await pilot.pause(0.005)
    raise AssertionError("never happened")


async def test_jobs_run_one_step_a_tick_in_order_and_wait_for_keys() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        keys = _Keys()
        ticks: list[list[str]] = []
        log: list[str] = []
        scheduler = BetweenKeys(app, keys, gap=0.001)  # type: ignore[arg-type]
        real_tick = scheduler._tick

        def counting_tick() -> None:
            before = len(log)
            real_tick()
            ticks.append(log[before:])

        scheduler._tick = counting_tick  # type: ignore[method-assign]
        keys.waiting = True
        scheduler.add(_job("a", 2, log))
        scheduler.add(_job("b", 1, log))
        assert not scheduler.idle
        await _until(pilot, lambda: len(ticks) >= 3)
        assert log == []  # the keys have not paused: nothing runs
        keys.waiting = False
        await _until(pilot, lambda: scheduler.idle)
        # One step a tick; a job that ends without a step hands its tick to the next one.
        steps = [t for t in ticks if t]
        assert steps == [["a0"], ["a1"], ["a done", "b0"], ["b done"]]
        assert scheduler._timer is None  # the timer stops with the last job
        # Work added later starts the timer again.
        scheduler.add(_job("c", 1, log))
        await _until(pilot, lambda: scheduler.idle)
        assert log[-2:] == ["c0", "c done"]
        assert scheduler._timer is None


async def test_both_warm_ups_run_on_the_one_scheduler(make_app) -> None:  # type: ignore[no-untyped-def]
    from tests.app_helpers import warmed

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        added: list[object] = []
        real_add = app.startup.between_keys.add
        app.startup.between_keys.add = lambda job: (added.append(job), real_add(job))[1]  # type: ignore[method-assign]
        await warmed(pilot)
        while not app.startup.warm_up.done:
            await pilot.pause()
        assert len(added) == 2  # the citizen screen's warm-up, then the tables'
        assert app.startup.between_keys.idle and app.startup.between_keys._timer is None


async def test_a_step_runs_with_threads_switched_often_so_the_driver_can_tell_of_a_key() -> None:
    """While a step runs, the terminal driver's thread gets the interpreter within
    `STEP_SWITCH`, to read a key and say so (tui.driver_keys); the step can then stop
    (`key_coming`). Afterwards the interpreter switches at its own pace again."""
    app: App[None] = App()
    async with app.run_test() as pilot:
        own = sys.getswitchinterval()
        keys = _Keys()
        scheduler = BetweenKeys(app, keys, gap=0.001)  # type: ignore[arg-type]
        log: list[str] = []
        switch: list[float] = []
        scheduler.add(_job("a", 2, log, switch))
        await _until(pilot, lambda: scheduler.idle)
        assert switch == [STEP_SWITCH, STEP_SWITCH] and STEP_SWITCH < own
        assert sys.getswitchinterval() == own
        assert not scheduler.key_coming()
        keys.waiting = True
        assert scheduler.key_coming()
