"""The app itself on the demo caseload, on PostgreSQL as on SQLite: it starts, fills its
panes, opens a citizen and leaves again."""

from __future__ import annotations

from tests.app_helpers import settle


async def test_the_app_opens_a_citizen(demo_store) -> None:  # type: ignore[no-untyped-def]
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import Pane
    from tui.screens.citizen import CitizenScreen

    app = SagsdagApp(demo_store, config=Config(theme="sagsdag-dark", language="da"), language="da")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one("#pane-deadlines", Pane)
        assert pane.table.row_count > 20
        pane.table.focus()
        row = pane.row_at_cursor()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen) and app.screen.citizen_id == row.citizen_id
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
