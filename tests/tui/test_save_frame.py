"""The frame after a save (tui/widgets/frame_cost.py): the first frame drawn after ctrl+s shows,
cell for cell, what a full repaint shows (the form gone, the screen no longer dimmed, the new
rows, the toast), and no frame after it changes a cell; a pane whose title stays the same is
not drawn again around its table. Before, the first frame left the right column dimmed and a
second full frame followed, and every line of the three reloaded panes was drawn again."""

from __future__ import annotations

from collections import Counter
from typing import Any

from textual._compositor import CompositorUpdate
from textual._styles_cache import StylesCache

from store.queries.rows import AgendaMeeting
from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, pane
from tests.tui.test_startup import _paint
from tui.panes.base import Pane


async def _held_save(make_app: Any, monkeypatch: Any) -> tuple[list[dict[Any, Any]], dict[Any, Any], Counter[str]]:
    """Save a meeting as held from the Today pane; answer (the terminal after each frame drawn
    from ctrl+s on, a full repaint of the final screen, lines rendered per pane)."""
    app = make_app()
    shown: dict[Any, Any] = {}
    after: list[dict[Any, Any]] = []
    lines: Counter[str] = Counter()
    watching = False
    draw = app._display

    def display(screen, renderable):  # type: ignore[no-untyped-def]
        if isinstance(renderable, CompositorUpdate):
            _paint(shown, renderable, app.console)
            if watching:
                after.append(dict(shown))
        return draw(screen, renderable)

    render_widget = StylesCache.render_widget

    def counting(self, widget, crop):  # type: ignore[no-untyped-def]
        if watching and isinstance(widget, Pane):
            lines[widget.pane_id] += sum(1 for y in crop.line_range if y in self._dirty_lines or y not in self._cache)
        return render_widget(self, widget, crop)

    app._display = display
    monkeypatch.setattr(StylesCache, "render_widget", counting)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        meeting = next(r for r in today.rows if isinstance(r, AgendaMeeting) and r.status == "planned")
        await pilot.press("1")
        today.table.move_cursor(row=list(today.rows).index(meeting), animate=False)
        await pilot.press("h")
        await settle(pilot)
        watching = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        for _ in range(5):  # frames a later tick might still draw
            await pilot.pause()
        watching = False
        assert "✓" in str(today.table.get_cell(f"m{meeting.meeting_id}", "col.state"))
        full: dict[Any, Any] = {}
        _paint(full, app.screen._compositor.render_update(full=True), app.console)
        return after, full, lines


async def test_the_first_frame_after_a_save_is_the_final_screen(make_app, monkeypatch) -> None:
    after, full, _lines = await _held_save(make_app, monkeypatch)
    assert after, "no frame was drawn after ctrl+s"
    for n, terminal in enumerate(after):
        stale = [xy for xy, cell in full.items() if terminal.get(xy) != cell]
        assert not stale, f"frame {n + 1} after ctrl+s: {len(stale)} cells differ from a full repaint, first {stale[:3]}"


async def test_a_reloaded_pane_is_not_drawn_again_around_its_table(make_app, monkeypatch) -> None:
    """Each pane draws at most its title line and its key-hint line again (they may change)."""
    _after, _full, lines = await _held_save(make_app, monkeypatch)
    assert all(n <= 2 for n in lines.values()), lines
