"""A database file the program cannot use (damaged, not a Sagsdag database, or written by a
newer Sagsdag) is never deleted or written over: it is renamed aside, with its WAL, and the
caseworker is offered the backups to restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from store.backup.copies import BackupInfo, list_backups
from store.backup.restore import move_aside
from store.errors import CorruptDatabase, ForeignDatabase, NewerDatabase, StoreError

REASONS = {CorruptDatabase: "corrupt", ForeignDatabase: "foreign", NewerDatabase: "newer"}
UNUSABLE = tuple(REASONS)


def reason_of(error: StoreError) -> str | None:
    for kind, reason in REASONS.items():
        if isinstance(error, kind):
            return reason
    return None


def set_aside(database: Path, error: StoreError, now: datetime | None = None) -> tuple[Path | None, list[BackupInfo]]:
    """Rename the unusable `database` to `NAME.<reason>-<stamp>` (never deleting it); returns
    the new path (None when there was nothing to move) and the backups that can be restored."""
    reason = reason_of(error)
    if reason is None:
        raise ValueError(f"{type(error).__name__} is not an unusable-database error")
    moved = move_aside(database, reason, now) if database.exists() else None
    return moved, list_backups(database)
