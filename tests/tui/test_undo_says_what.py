"""`u` says what it will undo (the action and the citizen) and asks for a second `u`; any other
key leaves it. `U` redoes. A later change by a colleague is shown field by field first."""

from __future__ import annotations

from datetime import date, datetime

from store.commands import citizens, journal_entries
from store.facade import Store
from tests.app_helpers import settle
from tui.screens.keypress_confirm import KeypressConfirmScreen


def _question(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#keypress-question").render())


async def test_u_names_the_action_and_the_citizen_and_waits_for_a_second_u(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        cid = demo_store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Fortrydsen", first_request=date(2026, 11, 2))).value
        demo_store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="Ringede"))
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, KeypressConfirmScreen)
        text = _question(app)
        assert "Anna Fortrydsen" in text and "u igen" in text
        await pilot.press("x")  # any other key leaves it
        await settle(pilot)
        assert not isinstance(app.screen, KeypressConfirmScreen)
        assert len(demo_store.citizen_file(cid).notes) == 1
        await pilot.press("u", "u")
        await settle(pilot)
        assert len(demo_store.citizen_file(cid).notes) == 0
        # Redo brings it back, after saying so.
        await pilot.press("U")
        await settle(pilot)
        assert isinstance(app.screen, KeypressConfirmScreen) and "Anna Fortrydsen" in _question(app)
        await pilot.press("U")
        await settle(pilot)
        assert len(demo_store.citizen_file(cid).notes) == 1


async def test_a_colleagues_later_change_is_shown_before_undo_overwrites_it(make_app, demo_store, clock) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        cid = demo_store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
        demo_store.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna Mine"}))
        other = Store.open(demo_store.engine.url.render_as_string(hide_password=False), clock=clock)
        try:
            other.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna Theirs"}))
        finally:
            other.close()
        await pilot.press("u", "u")
        await settle(pilot)
        assert isinstance(app.screen, KeypressConfirmScreen)
        text = _question(app)
        assert "Anna Theirs" in text and "Anna Hansen" in text
        await pilot.press("escape")  # keeps theirs
        await settle(pilot)
        assert demo_store.citizen_record(cid).name == "Anna Theirs"
        await pilot.press("u", "u")
        await settle(pilot)
        await pilot.press("u")  # undo anyway
        await settle(pilot)
        assert demo_store.citizen_record(cid).name == "Anna Hansen"
