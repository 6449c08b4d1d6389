"""At 80x24: the top line says which pane shows and that there are more; the footer always has
help and quit; the citizen screen shows the text column."""

from __future__ import annotations

from tests.app_helpers import settle
from tests.tui.test_language_walk import screen_text


async def test_the_top_line_names_the_pane_shown(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "1/5 I dag · tab for næste" in screen_text(app)
        await pilot.press("tab")
        await settle(pilot)
        assert "2/5 Sagsstamme · tab for næste" in screen_text(app)


async def test_the_footer_always_has_help_and_quit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for keys in ((), ("3", "enter")):
            await pilot.press(*keys)
            await settle(pilot)
            footer = screen_text(app).splitlines()[-1]
            assert "? Hjælp" in footer and "q Afslut" in footer, footer


async def test_the_citizen_screen_shows_the_text_column_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        table = app.screen.query_one("#citizen-timeline")
        widths = {str(k.value): c.width for k, c in table.columns.items()}
        assert widths["col.detail"] >= 30 and widths["col.detail"] > widths["col.kind"]
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= table.size.width
