"""Drawing a table in its other focus state (tui.widgets.focus_warm) leaves nothing for the
next frame to draw: the screen shows what it showed. Each restyle used to mark the whole table
for repainting, so the frame after every warm-up step repainted a whole table, and a key that
came meanwhile waited for that frame as well as the step."""

from __future__ import annotations

from tests.app_helpers import settled


async def test_a_table_drawn_in_its_other_focus_state_needs_no_frame(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.startup.layout_count import count_frames
    from tui.widgets import focus_warm
    from tui.widgets.table import SagsTable

    monkeypatch.setattr(focus_warm.FocusWarmUp, "start", lambda self: None)  # drawn here instead
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settled(pilot)
        frames = count_frames(monkeypatch)
        tables = list(app.screen.query(SagsTable))
        assert len(tables) == 5
        for table in tables:
            assert focus_warm.draw_other_focus(table) is None  # drawn whole
            assert not table._repaint_required
        await pilot.pause()
        await pilot.pause()
        assert frames == []
        # A real change still reaches the screen.
        tables[0].refresh()
        await pilot.pause()
        assert frames
