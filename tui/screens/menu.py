"""A one-key menu: `n` on the citizen screen (what to create) and `enter` on a timeline row
(what to do with it). Each line shows its key; pressing it runs the choice."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.i18n import t

Choice = tuple[str, str, Callable[[], object]]  # key, label, what to do (its result unused)


class MenuScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_menu", "key.close", id="menu.close")]
    DEFAULT_CSS = """
    MenuScreen { align: center middle; }
    MenuScreen > Vertical { width: 60; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, title: str, choices: list[Choice]) -> None:
        super().__init__()
        self.title_ = title
        self.choices = choices

    def compose(self):  # type: ignore[no-untyped-def]
        with Vertical() as box:
            box.border_title = self.title_
            box.border_subtitle = t("menu.keys")
            lines = [Text.assemble((f" {key} ", "reverse bold"), "  ", label) for key, label, _ in self.choices]
            yield Static(Text("\n").join(lines) if lines else Text(t("menu.empty")))

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        for key, _label, run in self.choices:
            if event.character == key:
                event.stop()
                event.prevent_default()
                self.dismiss(None)
                # After the menu has gone: a confirm screen opened by `run` must belong to the
                # screen below, or its answer would go to a dismissed menu.
                self.app.call_later(run)
                return

    def action_dismiss_menu(self) -> None:
        self.dismiss(None)
