"""The configured theme is in place before anything is styled, without Textual's full CSS
refresh (tui.app, `_first_theme`): setting `App.theme` queued a reparse of the app's stylesheet
and a restyle of the app, ~5 ms before the first frame (issue 15)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from store.clock import Clock
from tests.conftest import TODAY


@pytest.mark.parametrize("name", ["sagsdag-dark", "sagsdag-light", "sagsdag-contrast"])
async def test_the_configured_theme_is_styled_in_without_a_css_refresh(demo_db: Path, monkeypatch, name: str) -> None:
    from textual.app import App

    from store.quick import quick_caseload
    from themes import THEMES
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE

    refreshed: list[bool] = []
    original = App.refresh_css

    def counting(self, animate=True):  # type: ignore[no-untyped-def]
        refreshed.append(True)
        return original(self, animate)

    monkeypatch.setattr(App, "refresh_css", counting)
    release = threading.Event()
    app = SagsdagApp(opener=lambda: release.wait() and None, quick=quick_caseload(demo_db, TODAY, None, PAGE),
                     clock=Clock(TODAY), config=Config(theme=name))
    theme = next(t for t in THEMES if t.name == name)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            assert refreshed == []
            assert app.theme == name and app.current_theme is theme
            assert app.has_class(f"-theme-{name}") and not app.has_class("-theme-textual-dark")
            assert app.has_class("-dark-mode") is theme.dark and app.has_class("-light-mode") is not theme.dark
            # The stylesheet was parsed with this theme's colours: the screen shows them.
            assert app.stylesheet._variables == app.get_css_variables()
            assert app.screen.styles.background.hex.lower() == (theme.background or "").lower()
    finally:
        release.set()


async def test_an_unknown_theme_fails_as_setting_it_does() -> None:
    from textual.app import InvalidThemeError

    from tui.app import SagsdagApp
    from tui.config import Config

    with pytest.raises(InvalidThemeError):
        SagsdagApp(clock=Clock(TODAY), config=Config(theme="no-such-theme"))
