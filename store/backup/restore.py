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
    """Never delete or overwrite an unusable file: rename it (and its WAL) out of the way.

    The -wal goes with it or nothing moves: a WAL left under the old name would be replayed
    into whatever database is created there next. Raises OSError having changed nothing."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
        n += 1
    done: list[tuple[Path, Path]] = []
    try:
        for suffix in ("-wal", "-shm", ""):
            side = path.with_name(path.name + suffix)
            if suffix == "" or side.exists():
                moved = target.with_name(target.name + suffix)
                os.replace(side, moved)
                done.append((side, moved))
    except OSError:
        for original, moved in reversed(done):
            try:
                os.replace(moved, original)
            except OSError:
                pass
        raise
    return target


def schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in a database file, read-only; None when it has none."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as db:
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def usable_problem(path: Path) -> str | None:
    """Why `path` cannot be restored (damaged, not Sagsdag's, written by a newer Sagsdag);
    None when it can."""
    problems = integrity(path)
    if problems:
        return f"{path.name} is damaged ({problems[0]}); choose another backup"
    revision = schema_revision(path)
    if revision is None:
        return f"{path.name} is not a Sagsdag database; choose another backup"
    from store.db.schema import alembic_config
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        return (f"{path.name} was written by a newer Sagsdag (schema {revision}); "
                "upgrade Sagsdag or choose an older backup")
    return None


def restore(backup: Path, database: Path) -> Path | None:
    """Copy `backup` over `database`, after backing up the current file (if it is readable;
    an unreadable one is moved aside instead). Returns the safety copy or moved-aside path.
    Raises ValueError, having changed nothing, when the backup is damaged, foreign or newer."""
    problem = usable_problem(backup)
    if problem:
        raise ValueError(problem)
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
