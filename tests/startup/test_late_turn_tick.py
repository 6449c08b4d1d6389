"""The panes' loads in turn (tui/screens/main.py) are paced by an interval timer that stops
when the last pane has landed; a tick already queued then still arrives. It found no turn left
and raised IndexError (seen at 50,000 citizens pressing 2 and j just as the store opened)."""

from __future__ import annotations

import time

from tests.app_helpers import settle, settled
from tui.screens.main import MainScreen


async def test_a_tick_after_the_last_turn_changes_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and not screen.loading_in_turn()
        screen._landed_yet(time.monotonic())  # the late tick
        await settle(pilot)
        assert not screen.loading_in_turn() and all(p.loaded for p in screen.panes)
