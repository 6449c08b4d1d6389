"""A question for what cannot be taken back: the confirmation names what will go, and the
person types a word (SLET / DELETE) and presses enter. esc, or any other word, declines."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class TypedConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.back", id="typed_confirm.cancel"),
    ]
    DEFAULT_CSS = """
    TypedConfirmScreen { align: center middle; }
    TypedConfirmScreen > Vertical { width: 72; height: auto; border: round $error; background: $surface; padding: 1 2; }
    TypedConfirmScreen Input { margin-top: 1; }
    """

    def __init__(self, question: str, word: str, prompt: str) -> None:
        super().__init__()
        self.question, self.word, self.prompt = question, word, prompt

    def compose(self):  # type: ignore[no-untyped-def]
        with Vertical():
            yield Static(Text(self.question), id="typed-question")
            yield Input(placeholder=self.prompt, id="typed-answer")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip().casefold() == self.word.casefold())

    def action_cancel(self) -> None:
        self.dismiss(False)
