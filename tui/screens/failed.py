"""When the database cannot be opened (damaged, another program's file, a newer Sagsdag, no
permission): one clear sentence, what to do next, and `q` — never a traceback."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from tui.i18n import t
from tui.unusable import Unusable


class OpenFailedScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit_failed", "key.quit", id="failed.quit")]
    DEFAULT_CSS = """
    OpenFailedScreen { align: center middle; }
    OpenFailedScreen > Vertical { width: 100; max-width: 100%; height: auto; border: round $error; padding: 1 2; }
    """

    def __init__(self, exc: BaseException) -> None:
        super().__init__()
        self.exc = exc

    def compose(self):  # type: ignore[no-untyped-def]
        from tui.errors import describe  # imports SQLAlchemy: kept out of start-up

        # Unusable already holds translated lines; describe() translates a StoreError through
        # the catalog and turns anything else into one sentence.
        message = str(self.exc) if isinstance(self.exc, Unusable) else describe(self.exc)
        with Vertical() as box:
            box.border_title = t("open_failed.title")
            yield Static(Text(message))
            yield Static(Text("\n" + t("open_failed.hint")))
