"""Deleting a citizen from the citizen screen: read what would go, name it in the confirmation,
and only on the typed word write the access-log line and post the erasure to the one writer.
The citizen screen closes when the writer answers (CitizenScreen._erased)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from store.commands.erasure import DeleteCitizen, Erasure
from tui.host import host_of
from tui.erasure_words import confirmation
from tui.i18n import t
from tui.messages import Write
from tui.screens.typed_confirm import TypedConfirmScreen
from tui.workers import run_read

if TYPE_CHECKING:
    from textual.app import App


class CitizenShown(Protocol):
    """The citizen screen, as far as erasing its citizen goes."""

    citizen_id: int

    @property
    def app(self) -> App[object]: ...


def start(screen: CitizenShown) -> None:
    app = screen.app
    if getattr(app, "read_only", False):
        app.notify(t("app.read_only_refused"), severity="warning")
        return
    store, citizen_id = host_of(app).store, screen.citizen_id

    def preview() -> Erasure:
        assert store is not None  # run_read calls only once the store is open
        return store.erasure_preview(citizen_id)

    run_read(app, preview, lambda found: _ask(screen, found))


def _ask(screen: CitizenShown, found: Erasure) -> None:
    screen.app.push_screen(TypedConfirmScreen(confirmation(found), t("erase.word"), t("erase.prompt")),
                           lambda yes: _erase(screen, found) if yes else screen.app.notify(t("erase.cancelled")))


def _erase(screen: CitizenShown, found: Erasure) -> None:
    app = screen.app
    store = host_of(app).store

    def log() -> None:
        assert store is not None  # run_read calls only once the store is open
        # Logged first: the trail may name an erasure that then failed, never miss one.
        store.log_access("delete_citizen", citizen_id=found.citizen_id)

    run_read(app, log, lambda _: app.post_message(Write(DeleteCitizen(found.citizen_id), what="")))
