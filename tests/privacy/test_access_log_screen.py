"""The access-log screen lists the log newest first, and shows no CPR."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


async def test_lists_newest_first(demo_store) -> None:  # type: ignore[no-untyped-def]
    import tui.app
    from store import access_log
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.screens.access_log import AccessLogScreen
    from tui.widgets.table import SagsTable

    access_log.record("reveal_cpr", caseworker="mette", citizen_id=7, when=datetime(2026, 11, 23, 8, 0))
    access_log.record("export_json", caseworker="mette", file="ud.json", when=datetime(2026, 11, 23, 9, 30))

    class App(SagsdagApp):
        CSS_PATH = str(Path(tui.app.__file__).parent / SagsdagApp.CSS_PATH)

    app = App(demo_store, config=Config(language="en"), language="en")
    try:
        async with app.run_test() as pilot:
            await pilot.pause(0.1)
            await app.push_screen(AccessLogScreen())
            for _ in range(20):
                await app.workers.wait_for_complete()
                await pilot.pause(0.05)
                table = app.screen.query_one(SagsTable)
                if table.row_count == 2:
                    break
            rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
            assert rows[0][2] == "export (JSON)" and rows[0][3] == "ud.json"
            assert rows[1][2] == "revealed CPR number" and rows[1][3] == "citizen 7"
            assert rows[0][0] == "23.11.2026 09:30"
            await pilot.press("escape")
            await pilot.pause(0.05)
            assert not isinstance(app.screen, AccessLogScreen)
    finally:
        from tui.i18n import set_language

        set_language("da")
