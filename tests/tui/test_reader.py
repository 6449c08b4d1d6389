"""Reading the past: enter on a line of the red thread, then v, shows its text in full and
read-only — a held meeting's summary and agreement included."""

from __future__ import annotations

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, find_citizen, open_citizen, select_line


async def test_v_reads_a_held_meetings_summary_and_agreement_in_full(make_app, demo_store) -> None:
    from tui.screens.menu import MenuScreen
    from tui.screens.reader import ReaderScreen
    from tests.tui.test_language_walk import screen_text

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        file = find_citizen(demo_store, lambda f: any(m.status == "held" and m.agreement and m.summary
                                                        for m in f.meetings))
        meeting = next(m for m in file.meetings if m.status == "held" and m.agreement and m.summary)
        screen = await open_citizen(pilot, file.citizen.id)
        select_line(screen, "meeting", meeting.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        text = " ".join(screen_text(app).split())
        assert "Aftale" in text and " ".join(meeting.agreement.split())[:40] in text
        assert " ".join(meeting.summary.split())[:40] in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
