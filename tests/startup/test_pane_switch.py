"""What a pane switch repaints (issue 15): the border of the pane left and of the pane entered,
nothing of the other three (setting a border to what it already was repainted the whole pane,
and the highlight set all five on every switch)."""

from __future__ import annotations

from tests.app_helpers import settle, warmed
from tests.terminal import stale_cells, watch_terminal


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


async def _visits_restyle_no_cell(pilot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every pane's first visit, the start pane left and visited again: no cell restyled."""
    from tui.widgets.cell_layout import LayoutCellsOnce

    restyled: list[str] = []
    render_cell = LayoutCellsOnce._render_cell

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        known = len(self._cell_render_cache)
        try:
            return render_cell(self, *args, **kwargs)
        finally:
            if len(self._cell_render_cache) != known:
                restyled.append(self.id)

    monkeypatch.setattr(LayoutCellsOnce, "_render_cell", counting)
    for key in "3245123":
        await pilot.press(key)
        await settle(pilot)
        assert restyled == [], f"{key}: {len(restyled)} cells restyled ({sorted(set(restyled))})"


async def test_the_first_visit_of_a_pane_restyles_no_cell_a_later_visit_does_not(make_app, monkeypatch) -> None:
    """Each table is drawn in its other focus state once start-up has settled
    (tui.widgets.focus_warm): the first visit of a pane used to restyle every visible cell of
    its table (Textual's focused tables have another background tint), and the first time the
    start pane was left, every visible cell of that one."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await warmed(pilot)
        await _visits_restyle_no_cell(pilot, monkeypatch)


async def test_a_warm_up_stopped_by_a_key_after_every_line_leaves_every_table_drawn(make_app, monkeypatch) -> None:
    """A table's step stops at the first line after a key is on its way, and the next step
    goes on from there (a key pressed during a whole table's step waited 8-20 ms for it)."""
    from tui.between_keys import BetweenKeys
    from tui.widgets import focus_warm
    from tui.widgets.table import SagsTable

    drawn: list[tuple[str, int, int | None]] = []
    draw = focus_warm.draw_other_focus

    def recording(table, start=0, stop=None):  # type: ignore[no-untyped-def]
        focused = table.has_focus
        went_on_to = draw(table, start, stop)
        assert table.has_focus == focused and table.has_pseudo_class("focus") == focused  # its own again
        drawn.append((table.id, start, went_on_to))
        return went_on_to

    monkeypatch.setattr(focus_warm, "draw_other_focus", recording)
    monkeypatch.setattr(BetweenKeys, "key_coming", lambda self: True)  # a key after every line
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await warmed(pilot)
        for table in app.screen.query(SagsTable):
            parts = [(start, on) for name, start, on in drawn if name == table.id]
            height = table.size.height
            # One line a step, each from where the last stopped, the last one ending the table.
            assert parts == [(y, y + 1) for y in range(height - 1)] + [(height - 1, None)], table.id
        await _visits_restyle_no_cell(pilot, monkeypatch)


async def test_what_the_warm_up_drew_is_what_a_fresh_render_draws(make_app) -> None:
    """After the warm-up, every pane switch shows what the tables drawn from empty caches show
    (as Textual draws them on every restyle), and what a full repaint of the screen shows."""
    import re

    from textual.widgets import DataTable

    from tui.widgets.table import SagsTable

    def picture(app) -> str:  # type: ignore[no-untyped-def]
        return re.sub(r"terminal-\d+", "terminal", app.export_screenshot(title="Sagsdag"))

    app = make_app()
    shown = watch_terminal(app)
    async with app.run_test(size=(160, 48)) as pilot:
        await warmed(pilot)
        for key in "32451j2":
            await pilot.press(key)
            await settle(pilot)
            stale = stale_cells(shown, app)
            assert not stale, f"after {key}: {len(stale)} cells differ from a full repaint, first {stale[:3]}"
            kept = picture(app)
            for table in app.screen.query(SagsTable):
                DataTable.notify_style_update(table)  # what Textual does on every restyle
                table.refresh()
            await pilot.pause()
            assert picture(app) == kept, f"after {key}: a warmed render differs from a fresh one"


async def test_a_pane_switch_is_drawn_in_one_frame(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Textual refreshed both tables' scrollbars on every restyle, their colours unchanged,
    and they came in a second frame (tui.widgets.focus_cost, `quiet_scrollbar_colours`)."""
    from tests.startup.layout_count import count_frames

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await warmed(pilot)
        await pilot.press("2")
        await settle(pilot)
        frames = count_frames(monkeypatch)
        for key in "3452":
            frames.clear()
            await pilot.press(key)
            await settle(pilot)
            assert len(frames) == 1, f"{key}: {frames}"
