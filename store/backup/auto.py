"""The automatic backups: at start when the newest copy is over a day old, and before every
migration."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from store.backup.copies import list_backups, make_backup
from store.backup.rotation import rotate
from store.db.engine import sqlite_path

MAX_AGE = timedelta(days=1)


def backup_if_stale(database: Path, now: datetime | None = None) -> Path | None:
    now = now or datetime.now()
    if not database.exists() or database.stat().st_size == 0:
        return None
    newest = list_backups(database)
    if newest and now - newest[0].taken < MAX_AGE:
        return None
    path = make_backup(database, "daily", now=now)
    rotate(database, now)
    return path


def before_migration(engine: Engine, reason: str = "before-migration") -> Path | None:
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    engine.dispose()
    return make_backup(path, reason)
