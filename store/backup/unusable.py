"""A damaged database Sagsdag made is never deleted or written over: it is renamed aside,
with its WAL, and the caseworker is offered the backups to restore.

Only damage is moved aside. A file Sagsdag did not make (not SQLite, or another program's
database) and a database from a newer Sagsdag are refused and left exactly as they are
(store.opening decides which is which); so is everything when opened with --read-only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from store.backup.copies import BackupInfo, list_backups
from store.backup.restore import move_aside
from store.errors import CorruptDatabase, NotMovedAside, StoreError

REASONS = {CorruptDatabase: "corrupt"}
UNUSABLE = tuple(REASONS)


def reason_of(error: StoreError) -> str | None:
    for kind, reason in REASONS.items():
        if isinstance(error, kind):
            return reason
    return None


def set_aside(database: Path, error: StoreError, now: datetime | None = None) -> tuple[Path | None, list[BackupInfo]]:
    """Rename the damaged `database` to `NAME.corrupt-<stamp>` (never deleting it); returns
    the new path (None when there was nothing to move) and the backups that can be restored.
    A folder that refuses the rename raises NotMovedAside (a sentence), having changed nothing."""
    reason = reason_of(error)
    if reason is None:
        raise ValueError(f"{type(error).__name__} is not a damaged-database error")
    from store.db.recognise import recognise

    if database.exists() and not recognise(database).ours:
        return None, list_backups(database)  # not Sagsdag's file: never renamed, whatever raised
    try:
        moved = move_aside(database, reason, now) if database.exists() else None
    except OSError as exc:
        raise NotMovedAside(str(database), exc.strerror or type(exc).__name__) from None
    return moved, list_backups(database)
