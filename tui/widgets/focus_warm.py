"""Each table is drawn once in the focus state it has not been drawn in, while the caseworker
pauses, so the first visit of a pane costs what every later visit costs (issue 15).

A focused DataTable has another background tint (Textual's `DataTable:focus`), so every row
of a table drawn focused for the first time is styled again: at 160×48 the first visit of a
pane restyled ~75-170 cells and ~15-30 lines that a second visit takes from the caches
(tui.widgets.cell_layout, tui.widgets.rows_in_place, all keyed by the pseudo-class state and
the styles). The pane the program starts on is the other way round: its rows were only ever
drawn focused, and leaving it the first time drew them unfocused.

`draw_other_focus(table)` gives the table the other focus state's styles for the length of
one synchronous call, renders its visible lines into those caches (nothing reaches the
screen: no frame can run in between) and gives it its own styles back. The renders it leaves
are the ones a real focus change would make, keyed the same way, and KeepRendersAcrossFocus
(tui.widgets.focus_cost) records the styles they were made with, so a later theme switch or
resize still empties them. `FocusWarmUp` does it one table per step once start-up has
settled, only in a pause of the keys, on the warm-ups' one scheduler
(tui.between_keys), as tui.warm_up does for the citizen screen.

A table's step takes 8-20 ms, and a key pressed during it waited for all of it (the cursor
key measured 22 ms against 12-18 before the warm-up). So a step draws line by line and stops
at the first line after a key is on its way (`stop`, the scheduler's `key_coming`): the key
then waits for one line and the styles being given back, ~3 ms, and the next step goes on
from that line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.geometry import Region
from textual.widget import Widget

from tui.widgets.table import SagsTable

if TYPE_CHECKING:
    from tui.between_keys import BetweenKeys


def draw_other_focus(table: Widget, start: int = 0, stop: Callable[[], bool] | None = None) -> int | None:
    """Render `table`'s visible lines from line `start` on as they look in the other focus
    state. Returns the line to go on from when `stop()` said so after a line, or None when
    the table is done or there is nothing to draw (not attached, not shown)."""
    if not table.is_attached or not table.display or not table.size.area:
        return None
    width, height = table.size.width, table.size.height
    own = table.has_focus
    unseen = _Unseen(table)
    table.set_reactive(Widget.has_focus, not own)
    try:
        table.update_node_styles(animate=False)
        for y in range(start, height):
            table.render_lines(Region(0, y, width, 1))
            if stop is not None and y + 1 < height and stop():
                return y + 1
    finally:
        table.set_reactive(Widget.has_focus, own)
        table.update_node_styles(animate=False)
        unseen.restore()
    return None


class _Unseen:
    """The repaint marks of the table and its scrollbars as they were before the styles went
    and came back. Each restyle marked the whole table (and its scrollbars, restyled with it)
    for repainting, though the screen shows what it showed: the frame after every step
    repainted a whole table (5-15 ms), and a key that came meanwhile waited for that frame
    too."""

    def __init__(self, table: Widget) -> None:
        parts = (table, table._vertical_scrollbar, table._horizontal_scrollbar, table._scrollbar_corner)
        self.marks = [(part, part._repaint_required, set(part._dirty_regions), set(part._repaint_regions))
                      for part in parts if part is not None]

    def restore(self) -> None:
        for part, repaint, dirty, regions in self.marks:
            part._repaint_required = repaint
            part._dirty_regions.clear()
            part._dirty_regions.update(dirty)
            part._repaint_regions.clear()
            part._repaint_regions.update(regions)


class FocusWarmUp:
    """Owned by tui.startup.StartUp: started once every pane has its data."""

    def __init__(self, app: Any, steps: BetweenKeys) -> None:
        self.app = app
        self.steps = steps  # one table a step, in a pause between keys (tui.between_keys)
        self.done = False

    def start(self) -> None:
        self.steps.add(self._job())

    def _job(self) -> Iterator[None]:
        # The tables are found at the first step: the main screen's, and those of any screen
        # opened meanwhile.
        tables = [table for screen in self.app.screen_stack for table in screen.query(SagsTable)]
        for table in tables:
            line: int | None = 0
            while line is not None:
                line = draw_other_focus(table, line, self.steps.key_coming)
                yield  # one table a step, or the part of it drawn before a key came
        self.done = True
