"""A key reaches the app three times (from the driver, then bubbling back up from the focused
widget and the screen). Start-up's key bookkeeping (the opening worker's imports wait, rows
land after the key's frame, the warm-ups pause) set its timers and frame callbacks three times
per key; it hears of each key once."""

from __future__ import annotations

from tests.app_helpers import settle


async def test_start_up_hears_of_each_key_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        heard: list[int] = []
        real = app.startup.key
        app.startup.key = lambda: (heard.append(1), real())[1]  # type: ignore[method-assign]
        await pilot.press("2", "j", "j")
        await settle(pilot)
        assert len(heard) == 3
