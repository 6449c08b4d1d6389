"""Reading the past: a note, a meeting's summary and agreement, a report … in full, read-only,
from the red thread (enter, then v). Nothing here can change what it shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.i18n import dates, t
from tui.text import clean
from tui.timeline_text import kind_text

if TYPE_CHECKING:
    from store.queries.screen_rows import TimelineEntry
    from tui.citizen_data import CitizenData


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


_Row = TypeVar("_Row", bound=_Identified)


def _find(rows: Iterable[_Row], ident: int) -> _Row | None:
    return next((r for r in rows if r.id == ident), None)


def reading_for(data: CitizenData, kind: str, ident: int, entry: TimelineEntry | None) -> list[tuple[str, str]] | None:
    """(heading, text) sections worth reading for a line of the red thread, or None."""
    file = data.file
    sections: list[tuple[str, str | None]] = []
    if kind == "meeting" and (m := _find(file.meetings, ident)) is not None:
        sections = [("field.preparation_note", m.preparation_note), ("field.summary", m.summary),
                    ("field.agreement", m.agreement)]
    elif kind == "note" and (n := _find(file.notes, ident)) is not None:
        sections = [("field.note", n.text)]
    elif kind == "contact" and (c := _find(file.contacts, ident)) is not None:
        sections = [("field.note", c.note)]
    else:
        sections = [("reader.text", entry.detail if entry is not None else None)]
    shown = [(t(heading), text) for heading, text in sections if text and text.strip()]
    return shown or None


class ReaderScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close", id="reader.back"),
    ]
    DEFAULT_CSS = """
    ReaderScreen { align: center middle; }
    ReaderScreen > #reader-box { width: 90; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1; }
    ReaderScreen #reader-text { height: auto; }
    ReaderScreen .reader-heading { text-style: bold; margin-top: 1; }
    """

    def __init__(self, title: str, sections: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="reader-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = t("reader.keys")
            with VerticalScroll(id="reader-text"):
                for heading, text in self.sections:
                    yield Static(Text(heading), classes="reader-heading")
                    # As typed: no markup, control characters made visible, every line kept.
                    yield Static(Text("\n".join(clean(line) for line in text.splitlines())))

    def on_mount(self) -> None:
        self.query_one("#reader-text").focus()

    def action_close(self) -> None:
        self.dismiss(None)


def title_for(entry: TimelineEntry, citizen_name: str) -> str:
    when = dates.fmt_date(entry.at.date())
    return f"{kind_text(entry)} · {when} · {clean(citizen_name, limit=60)}"
