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
(tui.between_keys), as tui.warm_up does for the citizen screen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual.geometry import Region
from textual.widget import Widget

from tui.widgets.table import SagsTable

if TYPE_CHECKING:
    from tui.between_keys import BetweenKeys


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
            if draw_other_focus(table):
                yield  # one table a step
        self.done = True
