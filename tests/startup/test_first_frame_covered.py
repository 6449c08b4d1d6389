"""Containers their children tile are not rendered (tui.widgets.covered, issue 15): the main
screen, `#panes`, `#left` and `#right` were rendered whole in every full frame, the first one
too, and thrown away under the panes. What the screen shows is, cell for cell, what Textual's
own compositor makes of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual._compositor import Compositor

from tests.app_helpers import settle
from tests.startup.quick_start import after_first_frame, past_first_frame, quick_app


def _as_textual_renders(screen: Any) -> list[Any]:
    """The screen's lines through Textual's own compositor (every visible widget rendered)."""
    compositor = screen._compositor
    ours = type(compositor)
    compositor.__class__ = Compositor
    try:
        return [strip.text for strip in compositor.render_strips()], [list(strip) for strip in compositor.render_strips()]
    finally:
        compositor.__class__ = ours


def _ours(screen: Any) -> list[Any]:
    compositor = screen._compositor
    return [strip.text for strip in compositor.render_strips()], [list(strip) for strip in compositor.render_strips()]


async def test_the_first_frame_renders_no_container_its_panes_cover(demo_db: Path, monkeypatch) -> None:
    from textual.containers import Horizontal, Vertical
    from textual.widget import Widget

    from tui.screens.main import MainScreen

    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    rendered: list[str] = []
    original = Widget.render_lines

    def counting(self, crop):  # type: ignore[no-untyped-def]
        if not shown and (type(self) in (Horizontal, Vertical) or isinstance(self, MainScreen)):
            rendered.append(f"{type(self).__name__}#{self.id}")
        return original(self, crop)

    monkeypatch.setattr(Widget, "render_lines", counting)
    async with past_first_frame(app, release):
        assert shown and rendered == []


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
async def test_the_screen_shows_what_textuals_compositor_shows(make_app, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert _ours(screen) == _as_textual_renders(screen)
        for key in ("2", "j", "3", "tab"):
            await pilot.press(key)
            await settle(pilot)
            assert _ours(screen) == _as_textual_renders(screen), key
        app.notify("a toast over the panes")  # a child of the screen overlapping the others
        await settle(pilot)
        assert _ours(screen) == _as_textual_renders(screen)
        await pilot.resize_terminal(size[0] - 13, size[1] - 3)  # rows and columns that do not divide evenly
        await settle(pilot)
        assert _ours(screen) == _as_textual_renders(screen)
