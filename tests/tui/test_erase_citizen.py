"""Deleting a citizen from the citizen screen: `D` names what will go (counts), and only the
typed word deletes; esc keeps everything."""

from __future__ import annotations

from store import access_log
from tests.app_helpers import settle
from tests.tui.test_screens import open_first_citizen
from tui.screens.typed_confirm import TypedConfirmScreen


async def test_d_names_what_goes_and_the_typed_word_deletes(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        row = await open_first_citizen(app, pilot)
        meetings = len(demo_store.citizen_file(row.citizen_id).meetings)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, TypedConfirmScreen)
        question = str(app.screen.query_one("#typed-question").render())
        assert f"{meetings} samtale(r)" in question and "SLET" in question
        assert row.cpr not in question
        await pilot.press("escape")
        await settle(pilot)
        assert demo_store.citizen_record(row.citizen_id)
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("s", "l", "e", "t", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        assert row.citizen_id not in {r.citizen_id for r in demo_store.caseload()}
        assert [e.action for e in access_log.read()] == ["delete_citizen"]
