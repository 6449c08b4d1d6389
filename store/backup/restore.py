"""Restoring a backup, checking integrity, and moving an unusable database aside."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

from store.backup.copies import copy_database, make_backup
from store.db.revisions import revision_state


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


class Unrestorable(ValueError):
    """A backup that cannot be restored; `kind` ("damaged", "foreign", "newer") and `params`
    let the command line say it in the user's language."""

    MESSAGES = {
        "damaged": "{file} is damaged ({problem}); choose another backup",
        "foreign": "{file} is not a Sagsdag database; choose another backup",
        "newer": "{file} was made by a newer version of Sagsdag (schema {revision}); update Sagsdag or choose an older backup",
    }

    def __init__(self, kind: str, **params: str) -> None:
        super().__init__(self.MESSAGES[kind].format(**params))
        self.kind = kind
        self.params = params


def unrestorable(path: Path) -> Unrestorable | None:
    """Why `path` cannot be restored (damaged, not Sagsdag's, made by a newer Sagsdag); None
    when it can."""
    problems = integrity(path)
    if problems:
        return Unrestorable("damaged", file=path.name, problem=problems[0])
    revision = schema_revision(path)
    if revision is None:
        return Unrestorable("foreign", file=path.name)
    if revision_state(revision) == "newer":
        return Unrestorable("newer", file=path.name, revision=revision)
    return None


def restore(backup: Path, database: Path) -> Path | None:
    """Put `backup` back as `database`. Returns the safety copy of the current file (or where
    an unreadable one was moved aside). Raises ValueError, having changed nothing, when the
    backup is damaged, foreign or newer.

    A sound current file is restored in place, through SQLite's backup API, holding the same
    write lock every writer takes: the safety copy is made after the lock is ours and the
    restored content is committed before it is released. A save from another window is
    therefore either in the safety copy (it committed first) or in the restored database (it
    waited for the lock, and then sees the restored content); none can fall between the two.
    Other windows keep their open database, which now holds the restored content."""
    problem = unrestorable(backup)
    if problem:
        raise problem
    if database.exists() and not integrity(database):
        return _restore_in_place(backup, database)
    safety: Path | None = None
    if database.exists():
        safety = move_aside(database, "replaced")  # unreadable: nobody can be writing to it
    tmp = database.with_name(f".{database.name}.restoring")
    copy_database(backup, tmp)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            side.unlink()
    os.replace(tmp, database)
    return safety


WAIT_SECONDS = 30


class RestoreBusy(ValueError):
    """Another program kept the write lock for the whole wait; nothing was restored."""

    def __init__(self, where: str) -> None:
        super().__init__(f"{where} is held by another program that keeps saving to it; nothing was restored. "
                         "Close the other Sagsdag windows and try again.")
        self.where = where


def _pages(path: Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return int(db.execute("PRAGMA page_count").fetchone()[0])


def _restore_in_place(backup: Path, database: Path) -> Path:
    from store.db import engine as engine_mod

    pages = _pages(backup)
    if pages < 2:
        raise ValueError(f"{backup.name} holds no Sagsdag database; choose another backup")
    # At least two steps: the first takes the write lock (and copies a few pages into the
    # still uncommitted transaction); the safety copy is made between the first and the second.
    step = max(1, min(1024, (pages - 1) // 2))
    safety: list[Path] = []

    started = time.monotonic()

    def after_step(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            # Another writer holds the lock. A backup step takes it only when it is free at that
            # instant (in WAL mode a waiting step's snapshot is stale once the writer commits),
            # so it is tried again after a very short pause, for at most WAIT_SECONDS.
            if time.monotonic() - started > WAIT_SECONDS:
                raise RestoreBusy(str(database))
            return
        if not safety and status == sqlite3.SQLITE_OK:  # the write lock is ours from here on
            safety.append(make_backup(database, "before-restore"))

    timeout = engine_mod.BUSY_TIMEOUT_MS / 1000
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True, timeout=timeout)) as source, \
            closing(sqlite3.connect(database, timeout=timeout, isolation_level=None)) as target:
        target.execute(f"PRAGMA busy_timeout = {engine_mod.BUSY_TIMEOUT_MS}")
        target.execute("PRAGMA synchronous = FULL")
        # A failure inside after_step aborts the backup: the target is rolled back untouched.
        source.backup(target, pages=step, progress=after_step, sleep=0.002)
    return safety[0]
