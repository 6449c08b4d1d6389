"""The main screen is laid out for its size once (issue 15). Textual 8.2.8 lays a screen out
again on every Resize it gets, and after the first frame it got two at the size it had just
been laid out at (tui.same_size); the top line, filled when the screen was shown, came a frame
late and laid the screen out a further time (tui.screens.main on_mount)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.geometry import Size

from tests.app_helpers import settle
from tests.startup.layout_count import count_layouts
from tests.startup.quick_start import after_first_frame, quick_app


async def test_a_resize_to_the_size_the_screen_has_lays_nothing_out(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        layouts = count_layouts(monkeypatch, screen)
        screen.post_message(events.Resize(Size(160, 48), Size(160, 48)))
        await settle(pilot)
        assert layouts == []
        await pilot.resize_terminal(150, 46)
        await settle(pilot)
        assert Size(150, 46) in layouts
        assert screen.size == Size(150, 46)
        assert all(p.size.width > 0 for p in screen.panes)


async def test_the_top_line_is_filled_as_the_screen_mounts_and_not_set_again(demo_db: Path, monkeypatch) -> None:
    from tui.screens.main import MainScreen
    from tui.widgets.topbar import TopBar

    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    updates: list[bool] = []
    at_mount: list[str | None] = []
    original_update, original_mount = TopBar.update, MainScreen.on_mount

    def update(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        updates.append(bool(shown))
        return original_update(self, *args, **kwargs)

    def on_mount(self):  # type: ignore[no-untyped-def]
        original_mount(self)
        at_mount.append(self.query_one(TopBar)._line)

    monkeypatch.setattr(TopBar, "update", update)
    monkeypatch.setattr(MainScreen, "on_mount", on_mount)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            for _ in range(8):
                await pilot.pause()
            assert shown and updates == [False]
            assert at_mount and at_mount[0]
    finally:
        release.set()


async def test_before_the_first_key_the_screen_is_laid_out_for_its_size_once(demo_db: Path, monkeypatch) -> None:
    from tui.screens.main import MainScreen

    app, release = quick_app(demo_db)
    sized: list[object] = []
    original = MainScreen._refresh_layout

    def counting(self, size=None, scroll=False):  # type: ignore[no-untyped-def]
        if size is not None:
            sized.append(size)
        return original(self, size, scroll)

    monkeypatch.setattr(MainScreen, "_refresh_layout", counting)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            app.screen.post_message(events.Resize(Size(160, 48), Size(160, 48)))  # as the driver's
            for _ in range(8):
                await pilot.pause()
            assert sized == [Size(160, 48)]
    finally:
        release.set()
