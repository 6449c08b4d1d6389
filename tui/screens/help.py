"""`?` / F1: the keys of the current context, generated from the live bindings, so the list
can never drift from what the keys do."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.i18n import t
from tui.keytable import position
from tui.keys import is_ours
from tui.widgets.table import SagsTable


def context_bindings(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(key as shown, what it does, binding id) for every key active on `screen` now."""
    app = screen.app
    seen: set[str] = set()
    rows = []
    for active in screen.active_bindings.values():
        binding = active.binding
        ident = binding.id or f"{binding.action}:{binding.key}"
        if not binding.description or ident in seen or not is_ours(binding):
            continue
        seen.add(ident)
        rows.append(((_rank(active.node), position(binding.id)), app.get_key_display(binding), binding.description, ident))
    return [row[1:] for row in sorted(rows, key=lambda row: row[0])]


def _rank(node: object) -> int:
    """What this place is for first, then the program's keys, then moving around."""
    from textual.app import App
    from textual.widgets import DataTable

    if isinstance(node, DataTable):
        return 2
    return 1 if isinstance(node, App) else 0


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "key.close", id="help.close"),
        Binding("q", "dismiss", "key.close", show=False, id="help.close_q"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.rows = context_bindings(under)

    def compose(self):  # type: ignore[no-untyped-def]
        with Vertical(id="help-box") as box:
            box.border_title = t("help.title")
            yield Static(Text(t("help.intro")), classes="summary")
            yield SagsTable(id="help-table")

    def on_mount(self) -> None:
        table = self.query_one(SagsTable)
        table.add_column(t("help.key"), width=14)
        table.add_column(t("help.action"), width=60)
        for key, what, ident in self.rows:
            table.add_row(Text(key, style="bold"), Text(what), key=ident)
        table.focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
