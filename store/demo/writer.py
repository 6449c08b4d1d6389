"""Bulk inserts. SQLAlchemy Core everywhere; on SQLite a direct executemany as well.

Core spends most of a 2-million-row demo converting each date through the dialect's
per-value processors. On SQLite the values are turned into the very same text SQLAlchemy
stores (checked by the tests) and handed to the driver in one executemany per batch, which
is several times faster. Other databases keep the plain Core path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, insert

BATCH = 5000


def _as_text(column_type: Any) -> Callable[[Any], Any] | None:
    # The SQLite dialect's storage formats: DATE "YYYY-MM-DD", DATETIME with six-digit
    # microseconds. Stored text is compared as text in queries, so it must match exactly.
    if isinstance(column_type, DateTime):
        return _datetime_text()
    if isinstance(column_type, Date):
        return lambda v: None if v is None else date.isoformat(v)
    return None


def _datetime_text() -> Callable[[Any], Any]:
    # created_at/updated_at hold one shared stamp object: convert it once, not per row.
    last: list[Any] = [None, None]

    def convert(value: Any) -> Any:
        if value is last[0]:
            return last[1]
        text = None if value is None else value.isoformat(" ", "microseconds")
        last[0], last[1] = value, text
        return text

    return convert


def write(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if conn.dialect.name != "sqlite":
        for start in range(0, len(rows), BATCH):
            conn.execute(insert(table), rows[start:start + BATCH])
        return
    names = list(rows[0])
    converters = [(i, _as_text(table.c[name].type)) for i, name in enumerate(names)]
    converters = [(i, convert) for i, convert in converters if convert is not None]
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        table.name, ", ".join(f'"{name}"' for name in names), ", ".join("?" * len(names))
    )
    for start in range(0, len(rows), BATCH):
        values = []
        for row in rows[start:start + BATCH]:
            raw = list(row.values())
            for i, convert in converters:
                raw[i] = convert(raw[i])
            values.append(tuple(raw))
        conn.exec_driver_sql(sql, values)


def sqlite_text(value: date | datetime) -> str:
    """What the fast path stores for a value; exposed for the test that pins it to SQLAlchemy."""
    column_type = DateTime() if isinstance(value, datetime) else Date()
    convert = _as_text(column_type)
    assert convert is not None
    return convert(value)


@contextmanager
def big_cache(conn: Connection, kib: int = 256 * 1024) -> Iterator[None]:
    """A larger SQLite page cache while the demo is written, restored afterwards (the
    connection goes back to the pool). With the default 2 MB the indexes of a 2-million-row
    insert no longer fit, and every batch rereads and rewrites the same pages."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{kib}")
    conn.commit()  # the pragma autobegan a transaction; the caller starts its own
    try:
        yield
    finally:
        if conn.in_transaction():
            conn.rollback()
        conn.exec_driver_sql(f"PRAGMA cache_size = {before}")
        conn.commit()
