"""Making and listing backup copies of an SQLite database file."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from store.db.engine import data_dir, default_db_path, ensure_private_dir

NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: str
    size: int


def backups_dir(database: Path | None = None) -> Path:
    """Backups of the default database go to `backups/` in the data directory; backups of any
    other file to `NAME.backups/` beside it (a second database in the data directory too), so
    two databases never share a folder and one's rotation can never delete the other's."""
    if database is None or database.resolve() == default_db_path().resolve():
        return data_dir() / "backups"
    return database.parent / f"{database.name}.backups"


def _target(directory: Path, stem: str, reason: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = directory / f"{stem}-{stamp}-{reason}.db"
    n = 1
    while candidate.exists():
        candidate = directory / f"{stem}-{stamp}-{n}-{reason}.db"
        n += 1
    return candidate


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy even while another process writes: SQLite's backup API, into a
    private temporary file that is renamed into place only when complete."""
    tmp = target.with_name(f".{target.name}.partial")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def make_backup(database: Path, reason: str = "manual", *, now: datetime | None = None) -> Path:
    if not database.exists():
        raise FileNotFoundError(database)
    directory = backups_dir(database)
    ensure_private_dir(directory)
    target = _target(directory, database.stem, reason, now or datetime.now())
    copy_database(database, target)
    return target


def list_backups(database: Path | None = None) -> list[BackupInfo]:
    """Newest first; only the copies of `database` (named after it), whatever else is there."""
    directory = backups_dir(database)
    if not directory.is_dir():
        return []
    stem = (database or default_db_path()).stem
    found = []
    for path in directory.iterdir():
        match = NAME.match(path.name)
        if not match or not path.is_file() or match["stem"] != stem:
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, taken, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)
