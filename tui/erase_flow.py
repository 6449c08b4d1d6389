"""Deleting a citizen from the citizen screen: read what would go, name it in the confirmation,
and only on the typed word write the access-log line and erase. Then back to the main screen."""

from __future__ import annotations

from typing import Any

from tui.i18n import t


def start(screen: Any) -> None:
    from store.commands.erasure import preview
    from tui.workers import run_write

    app = screen.app
    if getattr(app, "read_only", False):
        app.notify(t("app.read_only_refused"), severity="warning")
        return
    citizen_id = screen.citizen_id
    run_write(app, lambda: app.store.check(preview, citizen_id=citizen_id, caseworker=app.store.caseworker),
              lambda found: _ask(screen, found))


def _ask(screen: Any, found: Any) -> None:
    from tui.erasure_words import confirmation
    from tui.screens.typed_confirm import TypedConfirmScreen

    screen.app.push_screen(TypedConfirmScreen(confirmation(found), t("erase.word"), t("erase.prompt")),
                           lambda yes: _erase(screen, found) if yes else screen.app.notify(t("erase.cancelled")))


def _erase(screen: Any, found: Any) -> None:
    from store.commands.erasure import DeleteCitizen
    from tui.workers import run_write

    app = screen.app

    def job():  # type: ignore[no-untyped-def]
        # Logged first: the trail may name an erasure that then failed, never miss one.
        app.store.log_access("delete_citizen", citizen_id=found.citizen_id)
        return app.store.execute(DeleteCitizen(found.citizen_id)).value

    run_write(app, job, lambda gone: _done(screen, gone))


def _done(screen: Any, gone: Any) -> None:
    from tui.erasure_words import what_goes
    from tui.text import clean

    app = screen.app
    app.notify(t("erase.done", name=clean(gone.name, limit=80), what=what_goes(gone)), markup=False)
    if app.screen is screen:
        screen.dismiss()
    app.refresh_all()
