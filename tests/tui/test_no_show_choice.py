"""The no-show dialog has no default follow-up: saving without choosing asks for a choice."""

from __future__ import annotations

from tests.app_helpers import settle
from tests.tui.form_helpers import error, pane


async def test_the_no_show_dialog_has_no_default(make_app, demo_store) -> None:
    from tui.forms.meeting import NoShowForm

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        planned = next(i for i, r in enumerate(today.rows) if getattr(r, "status", None) == "planned")
        today.table.move_cursor(row=planned, animate=False)
        await pilot.press("x")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NoShowForm)
        assert form.raw_values()["follow_up"] is None
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and error(form, "follow_up")
