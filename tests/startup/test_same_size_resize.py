"""A Resize to the size the app already has lays nothing out again (tui.app `_on_resize`): the
terminal driver reports the size once more just after start, and Textual 8.2.8 answered it
with a full layout and paint of the screen while the first key waited (issue 15). A real
change of size still lays the screen out for the new size."""

from __future__ import annotations

from textual import events
from textual.geometry import Size

from tests.app_helpers import settle
from tests.startup.layout_count import count_layouts


async def test_the_same_size_again_lays_nothing_out(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        layouts = count_layouts(monkeypatch, screen)
        app.post_message(events.Resize(Size(160, 48), Size(160, 48)))
        await settle(pilot)
        assert layouts == []
        await pilot.resize_terminal(150, 46)
        await settle(pilot)
        assert app.size == Size(150, 46) and screen.size == Size(150, 46)
        assert layouts  # a real change of size is laid out
