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
settled, never while a key waits for its frame, as tui.warm_up does for the citizen screen."""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.widget import Widget

from tui.widgets.key_waiting import KeyWaiting
from tui.widgets.table import SagsTable

STEP_GAP = 0.01  # seconds between steps


def draw_other_focus(table: Widget) -> bool:
    """Render `table`'s visible lines as they look in the other focus state. False when there
    is nothing to draw (not attached, not shown)."""
    if not table.is_attached or not table.display or not table.size.area:
        return False
    own = table.has_focus
    table.set_reactive(Widget.has_focus, not own)
    try:
        table.update_node_styles(animate=False)
        table.render_lines(Region(0, 0, table.size.width, table.size.height))
    finally:
        table.set_reactive(Widget.has_focus, own)
        table.update_node_styles(animate=False)
    return True


class FocusWarmUp:
    """Owned by tui.startup.StartUp: started once every pane has its data."""

    def __init__(self, app: Any, keys: KeyWaiting) -> None:
        self.app = app
        self.keys = keys
        self.done = False
        self._tables: list[Widget] | None = None
        self._timer: Any = None

    def start(self) -> None:
        # One repeating timer: a step that set a timer for the next one stalled, in a real
        # terminal, until the next key woke the app (measured: 60-150 ms gaps between steps).
        self._timer = self.app.set_interval(STEP_GAP, self._step)

    def _step(self) -> None:
        if self.keys.waiting:  # no step until the key's frame has been drawn
            return
        if self._tables is None:  # the main screen's, and those of any screen opened meanwhile
            self._tables = [table for screen in self.app.screen_stack for table in screen.query(SagsTable)]
        while self._tables:
            if draw_other_focus(self._tables.pop(0)):
                break  # one table a step
        if not self._tables:
            self.done = True
            self._timer.stop()
