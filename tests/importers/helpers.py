"""Shared by the importer and portable-format tests: fresh databases and a row-for-row
picture of one, to prove a refused import wrote nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from store.db.engine import make_engine
from store.db.schema import upgrade


def new_engine(path: Path | str) -> Engine:
    engine = make_engine(path)
    upgrade(engine)
    return engine


def snapshot(engine: Engine) -> list[str]:
    """Every row of every table, and the schema, as SQL text."""
    if engine.dialect.name != "sqlite":
        return _rows(engine)
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


def _rows(engine: Engine) -> list[str]:
    """Not SQLite: every table's rows in key order, as text (the program's own table
    definitions; reflecting PostgreSQL's catalog each time is slow)."""
    from sqlalchemy import select

    import store.db.models  # noqa: F401  (registers every table)
    from store.db.base import Base

    meta = Base.metadata
    lines: list[str] = []
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            lines.append(f"{table.name}({', '.join(c.name for c in table.columns)})")
            order = list(table.primary_key.columns) or list(table.columns)
            lines.extend(f"{table.name}: {tuple(row)!r}" for row in conn.execute(select(table).order_by(*order)))
    return lines
