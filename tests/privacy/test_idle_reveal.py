"""A revealed CPR number is hidden again when the idle lock engages: unlocking with a key shows
the masked number, never the full one."""

from __future__ import annotations

from tests.app_helpers import settle
from tests.tui.test_screens import open_first_citizen
from tui.idle import LockScreen


async def test_the_idle_lock_hides_a_revealed_cpr(make_app) -> None:  # noqa: F811
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        row = await open_first_citizen(app, pilot)
        await pilot.press("c")
        assert row.cpr in str(app.screen.query_one("#citizen-summary").render())
        app.install_idle_lock(5, clock=lambda: 0.0, every=3600)
        app.lock_now()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await pilot.press("x")  # unlocks, and does nothing else
        await settle(pilot)
        summary = str(app.screen.query_one("#citizen-summary").render())
        assert row.cpr not in summary and f"{row.cpr[:6]}-XXXX" in summary
