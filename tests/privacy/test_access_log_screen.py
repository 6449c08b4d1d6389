"""The access-log screen lists the log newest first, and shows no CPR."""

from __future__ import annotations

from datetime import datetime

from tests.app_helpers import settle


async def test_lists_newest_first(make_app) -> None:  # type: ignore[no-untyped-def]
    from store import access_log
    from tui.screens.access_log import AccessLogScreen
    from tui.widgets.table import SagsTable

    access_log.record("reveal_cpr", caseworker="mette", citizen_id=7, when=datetime(2026, 11, 23, 8, 0))
    access_log.record("export_json", caseworker="mette", file="ud.json", when=datetime(2026, 11, 23, 9, 30))

    app = make_app(lang="en")
    async with app.run_test() as pilot:
        await settle(pilot)
        await app.push_screen(AccessLogScreen())
        await settle(pilot)
        table = app.screen.query_one(SagsTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert len(rows) == 2
        assert rows[0][2] == "export (JSON)" and rows[0][3] == "ud.json"
        assert rows[1][2] == "revealed CPR number" and rows[1][3] == "citizen 7"
        assert rows[0][0] == "23.11.2026 09:30"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, AccessLogScreen)
