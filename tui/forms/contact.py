"""Log a contact in three keys plus the text: how (t call, s text), which way (i in, u out),
reached or not (j yes, n no), then the note and enter. The caseworker still has the phone in
the other hand."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.frames import close_in_one_frame
from tui.i18n import t
from tui.messages import Write, WriteFailed, Written
from tui.screens.confirm import ConfirmScreen
from tui.text import clean
from tui.host import host

if TYPE_CHECKING:
    from store.commands.journal_entries import LogContact

STEPS: tuple[tuple[str, dict[str, str | bool]], ...] = (
    ("channel", {"t": "phone", "s": "sms", "m": "email", "b": "letter"}),
    ("direction", {"i": "in", "u": "out", "o": "out"}),
    ("reached", {"j": True, "y": True, "n": False}),
)


class ContactScreen(ModalScreen[None]):
    AUTO_FOCUS = ""  # the three keys go to the screen, not into the note field
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="contact.cancel"),
        Binding("ctrl+s", "save", "key.save", id="contact.save"),  # after the typed note, see FormScreen
    ]
    DEFAULT_CSS = """
    ContactScreen { align: center middle; }
    ContactScreen > Vertical { width: 80; max-width: 100%; height: auto; border: round $accent;
        background: $surface; padding: 0 1; }
    ContactScreen #contact-error { color: $text-error; height: auto; }
    """

    def __init__(self, citizen_id: int, name: str) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.name_ = name
        self.chosen: dict[str, str | bool] = {}  # step name -> the value its key chose
        self.saving = False
        self.pending: LogContact | None = None
        self.saved = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("contact.title", name=clean(self.name_, limit=60))
            yield Static(id="contact-prompt")
            yield Input(placeholder=t("contact.note_placeholder"), id="contact-note")
            yield Static("", id="contact-error")

    def on_mount(self) -> None:
        self.query_one("#contact-note", Input).display = False
        self._prompt()

    @property
    def step(self) -> int:
        return len(self.chosen)

    def _prompt(self) -> None:
        done = [t(f"contact.{name}.{value}") for name, value in self.chosen.items()]
        if self.step < len(STEPS):
            ask = t(f"contact.ask.{STEPS[self.step][0]}")
            self.query_one("#contact-prompt", Static).update(Text(" · ".join([*done, ask])))
        else:
            self.query_one("#contact-prompt", Static).update(Text(" · ".join(done) + "  " + t("contact.ask.note")))
            field = self.query_one("#contact-note", Input)
            field.display = True
            field.focus()

    def on_key(self, event: events.Key) -> None:
        if self.step >= len(STEPS):
            return
        name, keys = STEPS[self.step]
        if event.character and event.character.lower() in keys:
            event.stop()
            event.prevent_default()
            self.chosen[name] = keys[event.character.lower()]
            self._prompt()
        elif event.key not in ("escape", "ctrl+s", "question_mark", "f1", "ctrl+p"):
            event.stop()
            self.app.bell()  # a Screen has no bell of its own

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self.step < len(STEPS) or self.saving:
            return
        if host(self).read_only:
            self.query_one("#contact-error", Static).update(t("app.read_only_refused"))
            return
        # The store's commands import SQLAlchemy; this screen is imported at start-up.
        from store.commands.journal_entries import LogContact

        note = self.query_one("#contact-note", Input).value
        channel, direction, reached = self.chosen["channel"], self.chosen["direction"], self.chosen["reached"]
        assert isinstance(channel, str) and isinstance(direction, str) and isinstance(reached, bool)  # STEPS
        self.saving = True
        self.pending = LogContact(citizen_id=self.citizen_id, at=host(self).clock.now(), note=note or None,
                                  channel=channel, direction=direction, reached=reached)
        self.app.post_message(Write(self.pending, what="", shows_errors=True))

    @on(Written)
    def _written(self, message: Written) -> None:
        if message.command is not self.pending:
            return  # somebody else's save
        self.pending = None
        self.saved = True
        self._close_if_on_top()

    def on_screen_resume(self) -> None:
        self._close_if_on_top()

    def _close_if_on_top(self) -> None:
        if self.saved and self.app.screen is self:
            close_in_one_frame(self, None, t("contact.saved"), markup=True)  # one frame (tui/frames.py)

    @on(WriteFailed)
    def _write_failed(self, message: WriteFailed) -> None:
        if message.command is not self.pending:
            return
        from tui.errors import describe  # imports SQLAlchemy: kept out of start-up

        self.pending = None
        self.saving = False
        self.query_one("#contact-error", Static).update(Text(describe(message.error)))

    def action_cancel(self) -> None:
        if self.saving:
            self.query_one("#contact-error", Static).update(t("form.saving"))  # esc waits for the save
            return
        if self.query_one("#contact-note", Input).value:
            self.app.push_screen(ConfirmScreen(t("form.discard")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, yes: bool | None) -> None:
        if yes and self.app.screen is self and not self.saving:
            self.dismiss(None)
