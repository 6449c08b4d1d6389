"""Planning a meeting shows at once as the booking beside the citizen's deadline in Meetings
due: the pane reloads on a meeting change, not only on a citizen change."""

from __future__ import annotations

from datetime import datetime

from store.commands.meetings import PlanMeeting
from tests.app_helpers import settle
from tests.tui.test_panes import pane
from tui.messages import Write


async def test_a_planned_meeting_shows_as_booked_in_meetings_due(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        p = pane(app, "deadlines")
        row = next(r for r in p.rows if r.planned is None)
        app.post_message(Write(PlanMeeting(citizen_id=row.citizen_id, start=datetime(2026, 11, 26, 13)), what=""))
        await settle(pilot)
        again = next(r for r in p.rows if r.citizen_id == row.citizen_id)
        assert again.planned == datetime(2026, 11, 26, 13)
