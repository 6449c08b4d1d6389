"""Shared by the importer and portable-format tests: fresh databases and a row-for-row
picture of one, to prove a refused import wrote nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from store.db.engine import make_engine
from store.db.schema import upgrade


def new_engine(path: Path) -> Engine:
    engine = make_engine(path)
    upgrade(engine)
    return engine


def snapshot(engine: Engine) -> list[str]:
    """Every row of every table, and the schema, as SQL text."""
    path = engine.url.database
    assert path
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def file_digest(engine: Engine) -> str:
    """The database file's bytes once every connection is closed (WAL checkpointed)."""
    engine.dispose()
    path = Path(engine.url.database or "")
    wal = path.with_name(path.name + "-wal")
    digest = hashlib.sha256(path.read_bytes())
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()
