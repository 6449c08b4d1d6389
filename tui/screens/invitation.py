"""The invitation text (indkaldelse) of one meeting, in Danish whatever the interface language
(it is pasted into the municipality's own system and sent to the citizen): day, time, place,
length and the written guidance on the consequences of not attending (LAS § 35). Shown, and
copied to the clipboard on opening; `c` copies again."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.i18n import t
from tui.i18n.catalog import _catalog

if TYPE_CHECKING:
    from store.queries.rows import AgendaMeeting
    from store.records import Meeting

DANISH_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def _da(key: str) -> str:
    return _catalog("da").get(key, key)


def invitation_text(start: datetime, minutes: int, place: str, place_detail: str | None) -> str:
    """Plain text; the place detail is the caseworker's own words and is used as typed."""
    where = _da("place." + place) + (f", {place_detail}" if place_detail else "")
    return _da("invitation.text").format(
        weekday=DANISH_WEEKDAYS[start.weekday()], date=start.strftime("%d-%m-%Y"), time=start.strftime("%H.%M"),
        minutes=minutes, place=where,
    )


class InvitationScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "key.copy", id="invitation.copy"),
        Binding("escape", "close", "key.close", id="invitation.close"),
    ]
    DEFAULT_CSS = """
    InvitationScreen { align: center middle; }
    InvitationScreen > Vertical { width: 90; max-width: 100%; height: auto; border: round $accent;
        background: $surface; padding: 0 1; }
    """

    def __init__(self, meeting: Meeting | AgendaMeeting, context: str) -> None:
        super().__init__()
        self.text = invitation_text(meeting.start, meeting.minutes, meeting.place, meeting.place_detail)
        self.context = context

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("invitation.title")
            box.border_subtitle = t("invitation.keys")
            yield Static(Text(self.text), id="invitation-text")

    def on_mount(self) -> None:
        self.action_copy()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.app.notify(t("invitation.copied"), timeout=3)

    def action_close(self) -> None:
        self.dismiss(None)
