"""How a status looks: a marker and a word, never colour alone, plus a style for colour
terminals. Shared by the command line and the panes so both say the same thing."""

from __future__ import annotations

from store.rules import Status

MARKS = {Status.OVERDUE: "!", Status.DUE_SOON: "~", Status.OK: "✓"}
STYLES = {Status.OVERDUE: "bold red", Status.DUE_SOON: "yellow", Status.OK: "green"}
# Theme-variable names for the Textual side (themes/ maps them to colours).
CLASSES = {Status.OVERDUE: "overdue", Status.DUE_SOON: "due-soon", Status.OK: "ok"}


def mark(status: Status | None) -> str:
    return MARKS.get(status, " ") if status is not None else " "
