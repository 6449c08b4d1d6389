"""The footer is one widget drawing one line (tui.widgets.footer): Textual's Footer mounted,
styled and rendered a widget per key (13 on the main screen), and recomposed, laying out the
whole screen again, on every change of bindings (issue 15). The keys, their order and their
look are those of Textual's footer (the SVG snapshots in tests/tui are unchanged cell for
cell); here: how many widgets, and when it repaints."""

from __future__ import annotations

from typing import Any

from tests.app_helpers import settle


def _footer_line(app: Any) -> str:
    from tui.widgets.footer import QuietFooter

    footer = app.screen.query_one(QuietFooter)
    return "".join(segment.text for segment in footer.render_line(0))


def _renders(monkeypatch: Any) -> list[str]:
    from tui.widgets.footer import QuietFooter

    rendered: list[str] = []
    original = QuietFooter.render

    def counting(self):  # type: ignore[no-untyped-def]
        rendered.append(type(self.screen).__name__)
        return original(self)

    monkeypatch.setattr(QuietFooter, "render", counting)
    return rendered


async def test_the_footer_is_one_widget_on_every_screen(make_app) -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    from tui.widgets.footer import QuietFooter

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for keys in ((), ("2", "enter"), ("escape", "L"), ("escape", "w"), ("escape", "o"), ("escape", "s")):
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            screen = app.screen
            footers = list(screen.query(QuietFooter))
            assert len(footers) == 1, type(screen).__name__
            assert not footers[0].children
            assert not list(screen.query(FooterKey)) and not list(screen.query(Footer))
            line = _footer_line(app)
            assert line.startswith(" q Afslut  ? Hjælp "), (type(screen).__name__, line)
            assert line.rstrip().endswith("▏^p Kommandoer")
            assert len(line) == 160


async def test_the_footer_repaints_only_when_its_keys_change(make_app, monkeypatch) -> None:
    """A pane switch changes the focus and so the bindings, not the keys the footer shows (a
    pane's own keys are in its border): nothing is repainted. Opening a citizen changes them."""
    rendered = _renders(monkeypatch)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        before = _footer_line(app)
        rendered.clear()
        for key in ("2", "3", "4", "5", "1", "tab"):
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)
        assert rendered == []
        assert _footer_line(app) == before
        await pilot.press("2", "enter")
        await settle(pilot)
        assert "CitizenScreen" in rendered
        assert _footer_line(app) != before


async def test_a_click_on_the_footer_does_nothing(make_app) -> None:
    from tui.widgets.footer import QuietFooter

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        for x in (1, 15, 150):
            await pilot.click(QuietFooter, offset=(x, 0))
            await settle(pilot)
        assert app.screen is screen and app.is_running


async def test_a_narrow_footer_keeps_help_quit_and_the_palette_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = _footer_line(app)
        assert len(line) == 80
        assert line.startswith(" q Afslut  ? Hjælp ") and line.endswith("▏^p Kommandoer ")
