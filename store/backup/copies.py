"""Making and listing backup copies of an SQLite database file."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from store.db.engine import data_dir, ensure_private_dir

NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: str
    size: int


def backups_dir(database: Path | None = None) -> Path:
    """Backups of the default database go to the data directory; backups of any other file
    go beside it, so two databases never mix their copies."""
    if database is None or database.parent == data_dir():
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
    """Newest first."""
    directory = backups_dir(database)
    if not directory.is_dir():
        return []
    found = []
    for path in directory.iterdir():
        match = NAME.match(path.name)
        if not match or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, taken, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)
