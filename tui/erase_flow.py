"""Deleting a citizen from the citizen screen: read what would go, name it in the confirmation,
and only on the typed word write the access-log line and post the erasure to the one writer.
The citizen screen closes when the writer answers (CitizenScreen._erased)."""

from __future__ import annotations

from typing import Any

from store.commands.erasure import DeleteCitizen, Erasure
from tui.erasure_words import confirmation
from tui.i18n import t
from tui.messages import Write
from tui.screens.typed_confirm import TypedConfirmScreen
from tui.workers import run_read


def start(screen: Any) -> None:
    app = screen.app
    if getattr(app, "read_only", False):
        app.notify(t("app.read_only_refused"), severity="warning")
        return
    store, citizen_id = app.store, screen.citizen_id
    run_read(app, lambda: store.erasure_preview(citizen_id), lambda found: _ask(screen, found))


def _ask(screen: Any, found: Erasure) -> None:
    screen.app.push_screen(TypedConfirmScreen(confirmation(found), t("erase.word"), t("erase.prompt")),
                           lambda yes: _erase(screen, found) if yes else screen.app.notify(t("erase.cancelled")))


def _erase(screen: Any, found: Erasure) -> None:
    app = screen.app
    store = app.store

    def log() -> None:
        # Logged first: the trail may name an erasure that then failed, never miss one.
        store.log_access("delete_citizen", citizen_id=found.citizen_id)

    run_read(app, log, lambda _: app.post_message(Write(DeleteCitizen(found.citizen_id), what="")))
