"""A yes/no question: `y`/`j` confirms, `n` or esc declines. Deletions and discarding typed
text always ask here first."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.i18n import t


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "key.yes", id="confirm.yes"),
        Binding("j", "answer(True)", "key.yes", show=False, id="confirm.yes_da"),
        Binding("n", "answer(False)", "key.no", id="confirm.no"),
        Binding("escape", "answer(False)", "key.no", show=False, id="confirm.escape"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical { width: 64; height: auto; border: round $warning; background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self):  # type: ignore[no-untyped-def]
        with Vertical():
            yield Static(Text(self.question))
            yield Static(Text(t("confirm.keys")))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
