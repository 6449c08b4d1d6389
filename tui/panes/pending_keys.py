"""Keys pressed on a pane whose rows have not come yet, kept until they come (issue 15).

Only the caseload pane has a quick first page (store.quick); the other panes are empty until
the full store has opened and their first read has landed, and a database at an older schema
(migrated on its first start) has no quick page at all. A fast typist who pressed `3 j j` the
moment the caseload showed moved nothing: the table had no rows, and the `j`s were gone.

The design: while a pane has never shown rows, the table's cursor keys and enter (whatever keys
the table binds to those actions, user keymaps included) are kept in order instead of being
handed to the empty table, and run on the table, in that order, right after its first rows
land. Cursor keys always run: they only move the cursor of the pane they were pressed on. An
enter runs only if that pane still has the focus on the screen in front when the rows land, so
a citizen never opens behind the caseworker's back after they have moved on; the enter is
dropped otherwise. Any other key (a digit, tab, `/`, `q`) goes through at once as before."""

from __future__ import annotations

from typing import Any

# The table's actions a key may be kept for: moving the cursor, and opening the row.
CURSOR_ACTIONS = frozenset({
    "cursor_down", "cursor_up", "cursor_left", "cursor_right",
    "page_down", "page_up", "scroll_top", "scroll_bottom",
})
OPEN_ACTION = "select_cursor"
MAX_KEPT = 200  # a held key repeats: beyond this many, later keys are dropped, not kept


def bound_action(table: Any, key: str) -> str | None:
    """The keepable table action `key` is bound to on `table`, if any."""
    for binding in table._bindings.key_to_bindings.get(key, ()):
        if binding.action in CURSOR_ACTIONS or binding.action == OPEN_ACTION:
            return str(binding.action)
    return None


class PendingKeys:
    """One per pane: the table actions asked for before the pane's first rows."""

    def __init__(self) -> None:
        self._actions: list[str] = []

    def __len__(self) -> int:
        return len(self._actions)

    def keep(self, table: Any, key: str) -> bool:
        """Keep `key` if the table binds it to a cursor move or to opening the row. True: kept,
        and the key should go no further."""
        action = bound_action(table, key)
        if action is None:
            return False
        if len(self._actions) < MAX_KEPT:
            self._actions.append(action)
        return True

    def replay(self, table: Any, *, may_open: bool) -> None:
        """Run the kept actions on `table`, in order (just after its first rows landed)."""
        actions, self._actions = self._actions, []
        for action in actions:
            if action == OPEN_ACTION and not may_open:
                continue
            getattr(table, f"action_{action}")()
