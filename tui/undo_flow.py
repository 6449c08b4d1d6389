"""Undo and redo in the TUI: say what will be taken back (the action and the citizen), ask for
the same key again, then do it through the one writer. A record changed since by someone else
is shown field by field, as an edit conflict is, and a third `u` undoes anyway; an undo that
would delete a colleague's records is refused in a sentence.

Undo covers what this caseworker did in this window (store.commands.undo explains why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.host import host_of
from tui.i18n import t
from tui.messages import UndoLast, Write
from tui.text import clean
from tui.workers import run_read

if TYPE_CHECKING:  # without importing the store at start-up
    from textual.app import App  # App[None]: the Sagsdag app, which returns nothing when it ends

    from store.commands.undo import UndoPreview
    from store.errors import Conflict

KEYS = {"undo": "u", "redo": "U"}


def start(app: App[None], kind: str) -> None:
    if getattr(app, "read_only", False):
        app.notify(t("app.read_only_refused"), severity="warning")
        return
    store = host_of(app).store

    def preview() -> UndoPreview | None:
        assert store is not None  # run_read calls only once the store is open
        return store.undo_preview(kind)

    run_read(app, preview, lambda found: _ask(app, kind, found))


def question(kind: str, preview: UndoPreview) -> str:
    who = t("undo.who", name=_plain(preview.citizen)) if preview.citizen else ""
    what = t("action." + preview.label)
    if kind == "undo":
        return t("undo.confirm", what=what, who=who)
    return t("undo.confirm_redo", what=what, who=who, key=KEYS["redo"])


def _plain(text: str) -> str:
    return clean(text, limit=80)


def _ask(app: App[None], kind: str, preview: UndoPreview | None) -> None:
    from tui.screens.keypress_confirm import KeypressConfirmScreen

    if preview is None:
        app.notify(t("undo.nothing" if kind == "undo" else "undo.nothing_redo"))
        return
    app.push_screen(KeypressConfirmScreen(question(kind, preview), KEYS[kind]),
                    lambda yes: _run(app, kind, force=False) if yes else None)


def _run(app: App[None], kind: str, *, force: bool) -> None:
    app.post_message(Write(UndoLast(kind=kind, force=force), what="", shows_errors=True))


def done(app: App[None], kind: str, label: object) -> None:
    """The writer's answer to an undo or redo that went through: the label of the action taken
    back (the store's undo and redo return it), or None when there was nothing to take back."""
    if not isinstance(label, str):
        app.notify(t("undo.nothing" if kind == "undo" else "undo.nothing_redo"))
        return
    app.notify(t("undo.done" if kind == "undo" else "undo.redone", what=t("action." + label)), markup=False)


def conflict_text(exc: Conflict) -> str:
    from tui.i18n.catalog import has

    lines = [t("undo.conflict")]
    theirs, mine = exc.theirs or {}, exc.mine or {}
    for name in sorted(theirs):
        field = t(f"field.{name}") if has(f"field.{name}") else name
        lines.append(t("undo.conflict_line", field=field, theirs=_plain(str(theirs[name])),
                       mine=_plain(str(mine.get(name, "–")))))
    return "\n".join(lines)


def failed(app: App[None], kind: str, exc: BaseException) -> None:
    """The writer's answer to an undo or redo that did not go through."""
    from store.commands.undo import UndoRefused
    from store.errors import Conflict
    from tui.screens.keypress_confirm import KeypressConfirmScreen

    if isinstance(exc, Conflict):
        app.push_screen(KeypressConfirmScreen(conflict_text(exc), KEYS[kind]),
                        lambda yes: _run(app, kind, force=True) if yes else None)
    elif isinstance(exc, UndoRefused):
        app.notify(t("undo.refused", count=exc.params.get("count", 1)), severity="error", timeout=12, markup=False)
    else:
        host_of(app).report(exc)
