"""The rest of the caseworker's day from the keyboard: a sparring note with one key, and the
Today pane's meeting menu (afbud, move, prepared, indkaldelse, invitation text)."""

from __future__ import annotations

from tests.app_helpers import settle


async def test_d_on_sparring_records_a_note_shown_in_the_reason_column(make_app) -> None:
    from tui.forms.sparring_note import SparringNoteForm

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, SparringNoteForm)
        await pilot.press(*"drøftet", "ctrl+s")
        await settle(pilot)
        rows = app.screen.rows
        assert rows and rows[0].discussed_on == app.clock.today()
        assert "dage" in " ".join(str(c) for c in app.screen.query_one("#sparring-table").get_row_at(0))


async def test_v_on_a_today_meeting_opens_the_meeting_menu_and_the_invitation(make_app) -> None:
    from store.queries.rows import AgendaMeeting
    from tui.panes.today import TodayPane
    from tui.screens.invitation import InvitationScreen
    from tui.screens.menu import MenuScreen

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        pane = app.screen.query_one(TodayPane)
        for _ in range(60):  # down past the overdue obligations to the day's first planned meeting
            row = pane.row_at_cursor()
            if isinstance(row, AgendaMeeting) and row.status == "planned":
                break
            await pilot.press("j")
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, InvitationScreen)
        assert "§ 35" in app.screen.text
