"""A question answered by one key, as lazygit asks: the same key again confirms (`u` then `u`),
any other key leaves it. Used by undo and redo, which say first what they will take back."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class KeypressConfirmScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    KeypressConfirmScreen { align: center middle; }
    KeypressConfirmScreen > Vertical { width: 72; height: auto; border: round $warning; background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str, key: str) -> None:
        super().__init__()
        self.question = question
        self.key = key

    def compose(self):  # type: ignore[no-untyped-def]
        with Vertical():
            # User text (a citizen's name, a note) is in the question: plain Text, never markup.
            yield Static(Text(self.question), id="keypress-question")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(event.key == self.key or event.character == self.key)
