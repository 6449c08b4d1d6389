"""Opening a citizen costs one layout of each cell (issue 11, "no slower elsewhere"): the
screen's tables are fitted to the screen before its first frame, the red thread has the focus
from the start, and the fresh read of a prefetched citizen starts after the first frame.
Counted, never timed."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tests.app_helpers import settle
from tests.terminal import screen_styles

SIZE = (160, 48)


class _CellLayouts:
    """Every cell laid out (by Rich, a Padding through `Console.render_lines`, or without it,
    tui.widgets.plain_cell) while `counting` is set."""

    def __init__(self, monkeypatch: Any) -> None:
        from rich.console import Console
        from rich.padding import Padding

        self.laid_out: list[Any] = []
        self.counting = False
        original = Console.render_lines

        def render_lines(console, renderable, options=None, **kwargs):  # type: ignore[no-untyped-def]
            if self.counting and isinstance(renderable, Padding):
                self.laid_out.append(renderable)
            return original(console, renderable, options, **kwargs)

        import tui.widgets.cell_layout as cell_layout

        plain = cell_layout.plain_line

        def plain_line(cell, *args, **kwargs):  # type: ignore[no-untyped-def]
            lines = plain(cell, *args, **kwargs)  # a one-line plain cell is laid out without Rich
            if self.counting and lines is not None:
                self.laid_out.append(cell)
            return lines

        monkeypatch.setattr(Console, "render_lines", render_lines)
        monkeypatch.setattr(cell_layout, "plain_line", plain_line)


async def _open_prefetched(app: Any, pilot: Any) -> int:
    """Pane 3, its first row's citizen read ahead as the prefetcher does, then enter."""
    from tui.citizen_data import fetch_citizen
    from tui.panes.base import Pane

    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    pane = app.screen.query_one("#pane-deadlines", Pane)
    citizen_id = pane.citizen_of(pane.row_at_cursor())
    assert citizen_id is not None
    app.prefetch._cache[citizen_id] = fetch_citizen(app.store, citizen_id)
    return int(citizen_id)


def _watch_frames(app: Any, frames: list[str]) -> list[str]:
    """The names of the screens drawn, one per frame, appended to `frames`."""
    display = app._display

    def displaying(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None:
            frames.append(type(screen).__name__)
        return display(screen, renderable)

    app._display = displaying
    return frames


async def test_no_table_of_the_citizen_screen_is_laid_out_again_after_its_first_frame(make_app, monkeypatch) -> None:
    """The tables were drawn at their designed widths (16/30/30/80) in the first frame, then
    fitted to the screen, which emptied their caches and laid every cell out again."""
    from tui.widgets.table import SagsTable

    app = make_app()
    frames: list[str] = []
    cleared: list[str | None] = []
    original = SagsTable._clear_caches

    def clearing(self):  # type: ignore[no-untyped-def]
        if "CitizenScreen" in frames and self.row_count and type(self.screen).__name__ == "CitizenScreen":
            cleared.append(self.id)
        return original(self)

    monkeypatch.setattr(SagsTable, "_clear_caches", clearing)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        _watch_frames(app, frames)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CitizenScreen"
        assert "CitizenScreen" in frames
        assert app.screen.query_one("#citizen-timeline", SagsTable).row_count > 1
        assert cleared == []
        for table in app.screen.query(SagsTable):  # fitting again now changes nothing
            widths = [column.width for column in table.columns.values()]
            table.fit_columns()
            assert [column.width for column in table.columns.values()] == widths


async def test_each_cell_of_the_citizen_screen_goes_through_rich_once(make_app, monkeypatch) -> None:
    """Cells laid out by Rich while the screen opens: at most one per distinct cell shown."""
    from tui.widgets.cell_fingerprint import fingerprint
    from tui.widgets.table import SagsTable

    app = make_app()
    cells = _CellLayouts(monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        cells.counting = True
        await pilot.press("enter")
        await settle(pilot)
        cells.counting = False
        distinct: set[Any] = set()
        for table in app.screen.query(SagsTable):
            distinct |= {(table.id, key, "header", fingerprint(column.label)) for key, column in table.columns.items()}
            for row_key in table.rows:
                distinct |= {(table.id, key, fingerprint(cell)) for key, cell in zip(table.columns, table.get_row(row_key))}
        # Every row of the demo citizen is on screen at 160x48; each distinct cell of a column
        # once (a table's layouts are keyed by content and width: equal cells share one).
        assert 0 < len(cells.laid_out) <= len(distinct)


async def test_the_red_thread_has_the_focus_from_the_start(make_app, monkeypatch) -> None:
    """Textual focused the first focusable widget (the open items), then on_mount moved the
    focus to the red thread: both tables were restyled once more while the screen opened."""
    from textual.widget import Widget

    app = make_app()
    focused: Counter[str | None] = Counter()
    original = Widget._on_focus

    def on_focus(self, event):  # type: ignore[no-untyped-def]
        if type(self.screen).__name__ == "CitizenScreen":
            focused[self.id] += 1
        return original(self, event)

    monkeypatch.setattr(Widget, "_on_focus", on_focus)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.focused is not None and app.screen.focused.id == "citizen-timeline"
        assert focused == Counter({"citizen-timeline": 1})


async def test_a_prefetched_citizen_is_read_again_only_after_its_first_frame(make_app) -> None:
    """The prefetched copy is shown at once; the fresh read (it may be a moment old) starts
    once that frame is drawn, not while it is drawn. It still lands: a change made meanwhile
    is shown."""
    import tui.screens.loading as loading

    app = make_app()
    events: list[str] = []
    original = loading.LoadingScreen.refresh_data

    def refresh_data(self):  # type: ignore[no-untyped-def]
        if type(self).__name__ == "CitizenScreen":
            events.append("read")
        return original(self)

    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        frames = _watch_frames(app, [])
        loading.LoadingScreen.refresh_data = refresh_data  # type: ignore[method-assign]
        try:
            display = app._display

            def displaying(screen, renderable):  # type: ignore[no-untyped-def]
                if renderable is not None and type(screen).__name__ == "CitizenScreen" and "frame" not in events:
                    events.append("frame")
                return display(screen, renderable)

            app._display = displaying
            await pilot.press("enter")
            await settle(pilot)
        finally:
            loading.LoadingScreen.refresh_data = original  # type: ignore[method-assign]
        assert "CitizenScreen" in frames
        assert events == ["frame", "read"]
        assert app.screen.data is not None


async def test_a_citizen_not_prefetched_is_read_at_once(make_app) -> None:
    """Without a prefetched copy there is nothing to draw first: the read starts as the screen
    is mounted, and its rows land in the tables at their fitted widths."""
    from tui.panes.base import Pane
    from tui.widgets.table import SagsTable

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        pane = app.screen.query_one("#pane-deadlines", Pane)
        citizen_id = pane.citizen_of(pane.row_at_cursor())
        app.prefetch.clear()
        app.prefetch.want(None)  # no read ahead
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CitizenScreen"
        assert app.screen.data is not None
        assert app.screen.data.file.citizen.id == citizen_id
        timeline = app.screen.query_one("#citizen-timeline", SagsTable)
        assert timeline.row_count == len(app.screen.data.timeline)
        widths = [column.width for column in timeline.columns.values()]
        timeline.fit_columns()
        assert [column.width for column in timeline.columns.values()] == widths


async def test_closing_a_citizen_paints_the_main_screen_once_and_lays_it_out_not_at_all(make_app, monkeypatch) -> None:
    """esc: the main screen is painted once, as it is shown again. Textual removed the closed
    screen as any widget, refreshing its parent (the App, so the current screen) with a layout:
    a reflow and a second full paint of the five panes (tui/screens/quiet_removal.py)."""
    from textual._compositor import Compositor, LayoutUpdate

    from tui.widgets.table import SagsTable

    app = make_app()
    reflows: list[str] = []
    original = Compositor.reflow

    def reflow(self, parent, size):  # type: ignore[no-untyped-def]
        if watching:
            reflows.append(type(parent).__name__)
        return original(self, parent, size)

    watching = False
    monkeypatch.setattr(Compositor, "reflow", reflow)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#citizen-timeline", SagsTable).row_count > 1
        painted: list[tuple[str, str]] = []
        display = app._display

        def displaying(screen, renderable):  # type: ignore[no-untyped-def]
            if renderable is not None:
                painted.append((type(screen).__name__, "full" if isinstance(renderable, LayoutUpdate) else "part"))
            return display(screen, renderable)

        app._display = displaying
        citizen = app.screen
        watching = True
        await pilot.press("escape")
        await settle(pilot)
        watching = False
        assert type(app.screen).__name__ == "MainScreen"
        assert painted.count(("MainScreen", "full")) == 1
        assert reflows == []
        # The closed screen is still removed, every widget of it pruned.
        assert citizen not in app.screen_stack
        assert not citizen.is_running and not any(w.is_running for w in citizen.walk_children())


async def test_the_citizen_screen_is_not_restyled_whole_before_its_first_frame(make_app, monkeypatch) -> None:
    """Each widget was styled as it mounted, then all of them again by Textual's first
    ScreenResume: the screen, its summary and titles twice, the tables with every component
    class (268 style applications an open at 160x48 with the footer's keys, now 187)."""
    from textual.css.stylesheet import Stylesheet

    app = make_app()
    styled: Counter[tuple[str, int]] = Counter()
    original = Stylesheet.apply

    def apply(self, node, *args, **kwargs):  # type: ignore[no-untyped-def]
        if watching and type(node).__name__ in ("CitizenScreen", "Static", "TopBar"):
            styled[(type(node).__name__, id(node))] += 1
        return original(self, node, *args, **kwargs)

    watching = False
    monkeypatch.setattr(Stylesheet, "apply", apply)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        watching = True
        await pilot.press("enter")
        await settle(pilot)
        watching = False
        assert type(app.screen).__name__ == "CitizenScreen"
        assert styled and set(styled.values()) == {1}, styled


async def test_skipping_that_restyle_leaves_every_style_as_a_restyle_makes_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "CitizenScreen"

        before = screen_styles(screen)
        app.update_styles(screen, animate=False)
        assert screen_styles(screen) == before


async def test_opening_a_citizen_lays_it_out_once_and_the_main_screen_not_at_all(make_app, monkeypatch) -> None:
    """Textual laid the new screen out three times as it opened: its first layout, again on the
    Resize it posts to the screen after that layout (which also laid out the main screen
    beneath), and again for the layouts its own first layout asked for as it set each widget's
    virtual size. Each was a full reflow and a full frame, at the same places. Counted; and a
    layout afterwards moves nothing."""
    from textual._compositor import Compositor

    app = make_app()
    reflowed: list[str] = []
    original = Compositor.reflow

    def reflow(self, parent, size):  # type: ignore[no-untyped-def]
        if counting:
            reflowed.append(type(parent).__name__)
        return original(self, parent, size)

    counting = False
    monkeypatch.setattr(Compositor, "reflow", reflow)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        counting = True
        await pilot.press("enter")
        await settle(pilot)
        counting = False
        screen = app.screen
        assert type(screen).__name__ == "CitizenScreen"
        assert reflowed == ["CitizenScreen"]
        placed = {widget: region for widget, region in screen._compositor.full_map.items()}
        screen._refresh_layout(screen.size)  # what the dropped layouts would have done
        assert {widget: region for widget, region in screen._compositor.full_map.items()} == placed
        await pilot.resize_terminal(120, 40)  # a real change of size is still laid out
        await settle(pilot)
        assert screen.size == (120, 40)
        assert screen.query_one("#citizen-timeline").size.width == 120


async def test_the_citizen_screen_is_drawn_whole_once_and_every_frame_shows_the_final_screen(make_app) -> None:
    """Its first layout drew the whole screen; then Textual drew all of it again in a second
    frame (the repaints asked for as that layout set each widget's size, the resume's repaint,
    and the main screen beneath, marked for a repaint as this screen was pushed, repainting
    this one's regions). Every frame drawn from enter on shows, cell for cell, what a full
    repaint of the final screen shows."""
    from tests.terminal import full_repaint, watch_terminal

    app = make_app()
    after: list[dict[Any, Any]] = []
    kinds: list[str] = []
    watching = False

    def frame(shown: dict[Any, Any]) -> None:
        if watching and type(app.screen).__name__ == "CitizenScreen":
            after.append(dict(shown))

    watch_terminal(app, frame)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        display = app._display

        def displaying(screen, renderable):  # type: ignore[no-untyped-def]
            if watching and renderable is not None and type(screen).__name__ == "CitizenScreen":
                kinds.append(type(renderable).__name__)
            return display(screen, renderable)

        app._display = displaying
        watching = True
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(5):  # frames a later tick might still draw
            await pilot.pause()
        watching = False
        full = full_repaint(app)
    assert kinds.count("LayoutUpdate") == 1, kinds  # one frame of the whole screen
    assert after
    for n, terminal in enumerate(after):
        stale = [xy for xy, cell in full.items() if terminal.get(xy) != cell]
        assert not stale, f"frame {n + 1}: {len(stale)} cells differ from a full repaint, first {stale[:3]}"


async def test_the_prefetcher_looks_up_the_red_threads_texts_off_the_ui_thread(make_app, monkeypatch) -> None:
    """The catalog parses a table the first time one of its keys is asked for; the red thread's
    kinds, statuses and channels live in tables no other screen reads, so each session's first
    open parsed them on the UI thread. The prefetcher's read looks them up in its worker: the
    screen's lookups then parse nothing."""
    import tui.i18n.catalog as catalog
    from tui.obligations import kind_label, reason_text
    from tui.panes.base import Pane
    from tui.timeline_text import kind_text

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        pane = app.screen.query_one("#pane-deadlines", Pane)
        citizen_id = pane.citizen_of(pane.row_at_cursor())
        catalog._lookup.cache_clear()
        catalog._parsed.cache_clear()
        app.prefetch.clear()
        app.prefetch._fetch(app.store, citizen_id)  # as its worker does
        data = app.prefetch.get(citizen_id)
        assert data is not None and data.timeline
        parsed: list[str] = []
        loads = catalog.tomllib.loads

        def counting(text: str):  # type: ignore[no-untyped-def]
            parsed.append(text.strip()[:40])
            return loads(text)

        monkeypatch.setattr(catalog.tomllib, "loads", counting)
        for entry in data.timeline:
            kind_text(entry)
        for item in data.open_items:
            kind_label(item)
            reason_text(item)
        assert parsed == []


async def test_the_citizen_tables_cells_are_measured_once(make_app, monkeypatch) -> None:
    """SagsTable measures each cell as it is added (to fit its set-width columns); Textual's
    DataTable measured every cell of each new row again through Rich when it next idled, for
    the content width of auto-width columns, which the citizen screen's tables never have.
    Only the column labels are measured by Textual (as each column is added)."""
    import textual.widgets._data_table as data_table

    from tui.widgets.table import SagsTable

    app = make_app()
    measured: list[object] = []
    original = data_table.measure

    def measure(console, renderable, default, **kwargs):  # type: ignore[no-untyped-def]
        if counting:
            measured.append(renderable)
        return original(console, renderable, default, **kwargs)

    counting = False
    monkeypatch.setattr(data_table, "measure", measure)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        counting = True
        await pilot.press("enter")
        await settle(pilot)
        counting = False
        tables = list(app.screen.query(SagsTable))
        assert sum(table.row_count for table in tables) > 10
        assert len(measured) == sum(len(table.columns) for table in tables)
        for table in tables:  # the size Textual's measuring version gives
            size = table.virtual_size
            data_table.DataTable._update_dimensions(table, list(table.rows))
            assert table.virtual_size == size


async def test_enter_draws_no_frame_of_the_main_screen_before_the_citizen_screen(make_app) -> None:
    """enter turns the table's hover cursor off (DataTable.action_select_cursor), which
    repainted the hover row although it was off already (the keyboard never turns it on): a
    frame of the main screen (~3 ms) before the citizen screen was pushed."""
    app = make_app()
    frames: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        for _ in range(3):
            await pilot.pause()
        _watch_frames(app, frames)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CitizenScreen"
    assert frames and frames[0] == "CitizenScreen", frames


async def test_opening_the_same_citizen_again_lays_out_no_cell_through_rich(make_app, monkeypatch) -> None:
    """The citizen tables of one app share their cells' layouts (tui/screens/citizen_table.py):
    a second open of the same citizen lays out none of its cells again; before, every open
    laid out every cell, headers included."""
    app = make_app()
    cells = _CellLayouts(monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _open_prefetched(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CitizenScreen"
        await pilot.press("escape")
        await settle(pilot)
        cells.counting = True
        await pilot.press("enter")
        await settle(pilot)
        cells.counting = False
        assert type(app.screen).__name__ == "CitizenScreen"
    assert cells.laid_out == [], len(cells.laid_out)
