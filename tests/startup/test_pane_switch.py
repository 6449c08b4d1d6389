"""What a pane switch repaints (issue 15): the border of the pane left and of the pane entered,
nothing of the other three (setting a border to what it already was repainted the whole pane,
and the highlight set all five on every switch)."""

from __future__ import annotations

from tests.app_helpers import settle


async def test_a_switch_repaints_only_the_two_panes_it_concerns(make_app, monkeypatch) -> None:
    from tui.panes.base import Pane

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        repainted: list[str] = []
        original = Pane.refresh

        def counting(self, *regions, **kwargs):  # type: ignore[no-untyped-def]
            repainted.append(self.id)
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Pane, "refresh", counting)
        await pilot.press("3")
        await settle(pilot)
        assert set(repainted) == {"pane-today", "pane-deadlines"}
        repainted.clear()
        await pilot.press("5")
        await settle(pilot)
        assert set(repainted) == {"pane-deadlines", "pane-suppliers"}


async def test_the_highlight_follows_a_theme_switch(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        app.set_theme("sagsdag-light")
        await settle(pilot)
        pane = app.screen.current_pane()
        accent = app.current_theme.accent
        assert pane.styles.border_top[1].hex.lower() == accent.lower()
        others = [p for p in app.screen.panes if p is not pane]
        assert all(p.styles.border_top[1] != pane.styles.border_top[1] for p in others)
