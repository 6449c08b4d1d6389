"""A pane's filter line is made on the first `/` (tui.panes.base): five hidden inputs were
styled and mounted before the first frame, ~4 ms (issue 15)."""

from __future__ import annotations

from textual.widgets import Input

from tests.app_helpers import settle


async def test_no_filter_line_before_the_first_slash_and_letters_typed_at_once_land_in_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert list(app.screen.query(Input)) == []
        await pilot.press("2", "slash", "a", "n")  # typed at once: none may reach the table
        field = app.screen.query_one("#pane-caseload Input", Input)
        assert field.display and field.has_focus and field.value == "an"
        await pilot.press("escape")
        await settle(pilot)
        assert not field.display and app.focused is not None and app.focused.id == "caseload-table"
        await pilot.press("slash")
        assert list(app.screen.query("#pane-caseload Input")) == [field]  # made once
