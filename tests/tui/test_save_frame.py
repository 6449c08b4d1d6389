"""The frame after a save (tui/widgets/frame_cost.py): the first frame drawn after ctrl+s shows,
cell for cell, what a full repaint shows (the form gone, the screen no longer dimmed, the new
rows, the toast), and no frame after it changes a cell; a pane whose title stays the same is
not drawn again around its table. Before, the first frame left the right column dimmed and a
second full frame followed, and every line of the three reloaded panes was drawn again."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, NamedTuple

from textual._styles_cache import StylesCache
from textual.widgets import DataTable

from tests.app_helpers import settle, warmed
from tests.tui.form_helpers import SIZE, open_held_form, pane
from tests.terminal import full_repaint, watch_terminal
from tui.panes.base import Pane
from tui.screens.main import MainScreen
from tui.widgets.cell_layout import LayoutCellsOnce


class Saved(NamedTuple):
    after: list[dict[Any, Any]]  # the terminal after each frame drawn from ctrl+s on
    full: dict[Any, Any]  # a full repaint of the final screen
    lines: Counter[str]  # lines of each pane's own (border and background) drawn again
    rows: dict[str, set[int]]  # the rows of each table whose cells were styled again
    joined: dict[str, set[int]]  # the lines of each table joined again from their cells


async def _held_save(make_app: Any, monkeypatch: Any) -> Saved:
    """Save a meeting as held from the Today pane, watching what is drawn."""
    app = make_app()
    after: list[dict[Any, Any]] = []
    lines: Counter[str] = Counter()
    rows: dict[str, set[int]] = defaultdict(set)
    joined: dict[str, set[int]] = defaultdict(set)
    watching = False

    def frame(shown: dict[Any, Any]) -> None:
        if watching:
            after.append(dict(shown))

    render_widget = StylesCache.render_widget

    def counting(self, widget, crop):  # type: ignore[no-untyped-def]
        if watching and isinstance(widget, (Pane, MainScreen)):
            name = widget.pane_id if isinstance(widget, Pane) else "screen"
            lines[name] += sum(1 for y in crop.line_range if y in self._dirty_lines or y not in self._cache)
        return render_widget(self, widget, crop)

    render_cell = LayoutCellsOnce._render_cell

    def styling(self, row_index, *args, **kwargs):  # type: ignore[no-untyped-def]
        if watching and row_index >= 0:
            rows[str(self.id)].add(row_index)
        return render_cell(self, row_index, *args, **kwargs)

    render_line = DataTable._render_line

    def joining(self, y, *args, **kwargs):  # type: ignore[no-untyped-def]
        if watching:
            joined[str(self.id)].add(y)
        return render_line(self, y, *args, **kwargs)

    watch_terminal(app, frame)
    monkeypatch.setattr(DataTable, "_render_line", joining)
    monkeypatch.setattr(StylesCache, "render_widget", counting)
    monkeypatch.setattr(LayoutCellsOnce, "_render_cell", styling)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        # The tables' focus warm-up draws their lines on a timer; a step during the save
        # would be counted as the save's drawing.
        await warmed(pilot)
        today = pane(app, "today")
        meeting = await open_held_form(pilot, today)
        watching = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        for _ in range(5):  # frames a later tick might still draw
            await pilot.pause()
        watching = False
        assert "✓" in str(today.table.get_cell(f"m{meeting.meeting_id}", "col.state"))
        return Saved(after, full_repaint(app), lines, dict(rows), dict(joined))


async def test_the_first_frame_after_a_save_is_the_final_screen(make_app, monkeypatch) -> None:
    after, full = (await _held_save(make_app, monkeypatch))[:2]
    assert after, "no frame was drawn after ctrl+s"
    for n, terminal in enumerate(after):
        stale = [xy for xy, cell in full.items() if terminal.get(xy) != cell]
        assert not stale, f"frame {n + 1} after ctrl+s: {len(stale)} cells differ from a full repaint, first {stale[:3]}"


async def test_a_reloaded_pane_is_not_drawn_again_around_its_table(make_app, monkeypatch) -> None:
    """Each pane draws at most its title line and its key-hint line again (they may change)."""
    lines = (await _held_save(make_app, monkeypatch)).lines
    screen = lines.pop("screen", 0)
    assert all(n <= 2 for n in lines.values()), lines
    # Nor the screen's own background beneath every widget (the whole screen is still drawn).
    assert screen == 0, screen


async def test_rows_that_only_moved_are_not_styled_again(make_app, monkeypatch) -> None:
    """The held citizen's caseload row moves down past the rows between (its deadline is
    months later now): those rows keep their drawn lines, with the new row number in their
    mouse metadata (tui/widgets/rows_in_place.py). Only the rows that changed are styled."""
    saved = await _held_save(make_app, monkeypatch)
    assert saved.rows, "no row was drawn again"
    assert all(len(indexes) <= 2 for indexes in saved.rows.values()), saved.rows
    # Nor are their lines joined again from their cells: the line drawn is kept.
    assert all(len(lines) <= 2 for lines in saved.joined.values()), saved.joined


async def test_closing_the_saved_form_restyles_nothing_of_it_and_queries_no_screen(make_app, monkeypatch) -> None:
    """The form's focused field is not blurred (and restyled as unfocused) on its way out, and
    waiting for the toast looks at the toast rack's own children on every turn of the event
    loop, not a query of the whole screen (tui/frames.py)."""
    from textual.dom import DOMNode
    from textual.screen import Screen
    from textual.widgets._toast import Toast, ToastRack

    from tui.forms.base import FormScreen

    restyled: list[str] = []
    queried: list[object] = []
    update_node_styles, query = DOMNode.update_node_styles, DOMNode.query

    def restyling(self, animate=True):  # type: ignore[no-untyped-def]
        if isinstance(getattr(self, "screen", None), FormScreen) and watching:
            restyled.append(type(self).__name__)
        return update_node_styles(self, animate)

    def querying(self, selector=None):  # type: ignore[no-untyped-def]
        if watching and selector in (Toast, ToastRack) and isinstance(self, Screen):  # the rack's own are Textual's
            queried.append(selector)
        return query(self, selector)

    watching = False
    monkeypatch.setattr(DOMNode, "update_node_styles", restyling)
    monkeypatch.setattr(DOMNode, "query", querying)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        await open_held_form(pilot, today)
        assert isinstance(app.screen, FormScreen) and app.screen.focused is not None
        watching = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        watching = False
        assert not isinstance(app.screen, FormScreen)
        assert any(toast.is_mounted for toast in app.screen.query(Toast))
    assert restyled == [] and queried == [], (restyled, queried)


async def test_the_save_lays_the_screen_out_once_and_draws_no_frame_after(make_app, monkeypatch) -> None:
    """The toast's first size and the tables' scrollbars asked, from inside the save's layout,
    for a second layout and a repaint: two more frames (~7 and ~2.5 ms of CPU) that changed no
    cell (tui/widgets/frame_cost.py, `OneFrameLayout._refresh_layout`). Now one layout, and no
    widget is drawn again after the save's frame."""
    from textual.widget import Widget

    from tests.app_helpers import warmed

    app = make_app()
    layouts = 0
    drawn_after: list[str] = []
    frames = 0
    watching = False
    refresh_layout = MainScreen._refresh_layout

    def laying_out(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal layouts
        if watching:
            layouts += 1
        return refresh_layout(self, *args, **kwargs)

    def frame(shown: dict[Any, Any]) -> None:
        nonlocal frames
        if watching:
            frames += 1

    render_lines = Widget.render_lines

    def drawing(self, crop):  # type: ignore[no-untyped-def]
        if watching and frames:
            drawn_after.append(type(self).__name__)
        return render_lines(self, crop)

    watch_terminal(app, frame)
    monkeypatch.setattr(MainScreen, "_refresh_layout", laying_out)
    monkeypatch.setattr(Widget, "render_lines", drawing)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await warmed(pilot)
        today = pane(app, "today")
        await open_held_form(pilot, today)
        watching = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        for _ in range(5):  # frames a later tick might still draw
            await pilot.pause()
        watching = False
    assert frames >= 1
    assert layouts == 1, layouts
    assert [name for name in drawn_after if name != "ToastRack"] == [], drawn_after


async def test_the_save_collects_no_garbage_before_its_frame_and_collections_resume(make_app, monkeypatch) -> None:
    """Python's young-generation collections wait while the save's frames are held and until
    the frame is drawn (tui/frames.py): 2-2.5 ms of CPU they took inside the save. They are
    on again after it, and never stay off once the app has closed."""
    import gc

    app = make_app()
    collected: list[tuple[str, int]] = []
    watching = False

    held = False  # from the writer's answer on (its hold): before it, the form's keys allocate

    def counting(phase: str, info: dict[str, Any]) -> None:
        if watching and held and phase == "start":
            collected.append((phase, info["generation"]))

    import tui.frames

    pause = tui.frames._pause_collections

    def pausing() -> None:
        nonlocal held
        held = True
        pause()

    frames: list[int] = []

    def frame(shown: dict[Any, Any]) -> None:
        if watching and not frames:
            frames.append(len(collected))

    watch_terminal(app, frame)
    monkeypatch.setattr(tui.frames, "_pause_collections", pausing)
    gc.callbacks.append(counting)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            today = pane(app, "today")
            await open_held_form(pilot, today)
            gc.collect()
            watching = True
            await pilot.press("ctrl+s")
            await settle(pilot)
            watching = False
            assert held and frames == [0], (frames, collected)  # none from the answer to the save's frame
            while not gc.isenabled():
                await pilot.pause()
            # A hold left open as the app closes (a save never answered):
            from tui.frames import hold_frames

            hold_frames(app)
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(counting)
