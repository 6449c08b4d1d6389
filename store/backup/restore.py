"""Restoring a backup, checking integrity, and moving an unusable database aside."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from store.backup.copies import copy_database, make_backup


def integrity(path: Path) -> list[str]:
    """PRAGMA integrity_check; an empty list means the file is sound."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as db:
            rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        pass
    return [] if rows == ["ok"] else rows


def move_aside(path: Path, why: str, now: datetime | None = None) -> Path:
    """Never delete or overwrite an unusable file: rename it (and its WAL) out of the way."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def restore(backup: Path, database: Path) -> Path | None:
    """Copy `backup` over `database`, after backing up the current file (if it is readable;
    an unreadable one is moved aside instead). Returns the safety copy or moved-aside path."""
    problems = integrity(backup)
    if problems:
        raise ValueError(f"{backup.name} is damaged ({problems[0]}); choose another backup")
    safety: Path | None = None
    if database.exists():
        if integrity(database):
            safety = move_aside(database, "replaced")
        else:
            safety = make_backup(database, "before-restore")
    tmp = database.with_name(f".{database.name}.restoring")
    copy_database(backup, tmp)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            side.unlink()
    os.replace(tmp, database)
    return safety
