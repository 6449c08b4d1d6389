"""The caseload and its next-meeting deadlines as spreadsheets: every active citizen (of the
chosen caseworker), not one screen's page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.exports import cells

Label = Callable[..., str]

CASELOAD_COLUMNS = ("name", "cpr", "next_meeting", "days_left", "status", "last_contact", "days_since_contact", "open_items")
DEADLINE_COLUMNS = ("name", "cpr", "next_meeting", "days_left", "status", "reason", "paused_days", "interval")


def _header(label: Label, columns: tuple[str, ...]) -> list[str]:
    return [label(f"exports.csv.col.{c}") for c in columns]


def _status(label: Label, status: object) -> str:
    return label(f"status.{status}") if status is not None else ""


def caseload_csv(store: Any, *, label: Label, full_cpr: bool = False) -> tuple[bytes, int]:
    """The file and its number of rows. `store` is a Store: its caseworker filter and today
    apply. Flags are left out on purpose: they are often health notes, and a spreadsheet
    travels further than the program."""
    rows = [
        [
            cells.text(r.name), cells.cpr(r.cpr, full=full_cpr), cells.day(r.next_due), cells.number(r.days_left),
            _status(label, r.status), cells.day(r.last_contact), cells.number(r.days_since_contact),
            cells.number(r.open_items),
        ]
        for r in store.caseload(limit=None)
    ]
    return cells.table(_header(label, CASELOAD_COLUMNS), rows), len(rows)


def deadlines_csv(store: Any, *, label: Label, full_cpr: bool = False) -> tuple[bytes, int]:
    """Citizens without a computed deadline yet are not rows here (as in `deadlines()`)."""
    rows = [
        [
            cells.text(r.name), cells.cpr(r.cpr, full=full_cpr), cells.day(r.due), cells.number(r.days_left),
            _status(label, r.status), label(f"reason.{r.reason}") if r.reason else "",
            cells.number(r.paused_days), cells.text(r.interval),
        ]
        for r in store.deadlines(limit=None)
    ]
    return cells.table(_header(label, DEADLINE_COLUMNS), rows), len(rows)
