"""The main screen is the first screen (issue 15): it used to be pushed over Textual's empty
`_default` screen, which was composed, styled three times and laid out before the first frame
and never shown."""

from __future__ import annotations

from tests.app_helpers import settle


async def test_no_screen_is_styled_before_the_main_screen(make_app, monkeypatch) -> None:
    from textual.css.stylesheet import Stylesheet
    from textual.screen import Screen

    from tui.screens.main import MainScreen

    styled: list[type] = []
    original = Stylesheet.apply

    def counting(self, node, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(node, Screen):
            styled.append(type(node))
        return original(self, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [MainScreen]
        assert set(styled) == {MainScreen}


async def test_the_theme_switch_finds_the_main_screen_at_the_bottom(make_app) -> None:
    """App.set_theme looked for the main screen second on the stack."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        app.set_theme("sagsdag-light")
        await settle(pilot)
        pane = app.screen.current_pane()
        assert pane.styles.border_top[1].hex.lower() == app.current_theme.accent.lower()
