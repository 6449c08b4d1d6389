"""Bulk inserts. SQLAlchemy Core everywhere; on SQLite a direct executemany as well.

Core spends most of a 2-million-row demo converting each date through the dialect's
per-value processors. On SQLite the values are turned into the very same text SQLAlchemy
stores (pinned by a test) column by column with C-level converters and handed to the
driver in one executemany per batch, which is several times faster. Other databases keep
the plain Core path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from operator import methodcaller
from typing import Any

from sqlalchemy import Column, Connection, Date, DateTime, Table, func, insert, select

BATCH = 5000

# The SQLite dialect's storage formats: DATE "YYYY-MM-DD", DATETIME with six-digit
# microseconds. Stored text is compared as text in queries, so it must match exactly.
_DATETIME_TEXT = methodcaller("isoformat", " ", "microseconds")
_DATE_TEXT = date.isoformat


def _converter(column: Column[Any]) -> Callable[[Any], Any] | None:
    convert: Callable[[Any], str]
    if isinstance(column.type, DateTime):
        convert = _DATETIME_TEXT
    elif isinstance(column.type, Date):
        convert = _DATE_TEXT
    else:
        return None
    if not column.nullable:
        return convert
    return lambda value: None if value is None else convert(value)


def write(conn: Connection, table: Table, rows: list[dict[str, Any]], constants: dict[str, Any]) -> None:
    """Insert `rows` (all with the same keys in the same order) plus `constants`, the values
    every row shares (the demo's timestamps), which are converted and sent only once."""
    if "name_folded" in table.c and rows and "name" in rows[0]:
        from store.fold import fold

        # The raw path skips column defaults; the demo's rows name every column, this one empty.
        rows = [{**row, "name_folded": row.get("name_folded") or fold(row["name"])} for row in rows]
    if conn.dialect.name != "sqlite":
        statement = insert(table).values(**constants)
        for start in range(0, len(rows), BATCH):
            conn.execute(statement, rows[start:start + BATCH])
        return
    names = list(rows[0])
    converters = [_converter(table.c[name]) for name in names]
    inlined = []
    for name, value in constants.items():
        convert = _converter(table.c[name])
        inlined.append(_literal(convert(value) if convert else value))
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        table.name, ", ".join(f'"{name}"' for name in [*names, *constants]), ", ".join(["?"] * len(names) + inlined)
    )
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        # Column by column: one map() per column runs the converters in C, not per row in Python.
        columns = []
        for name, convert in zip(names, converters):
            values = [row[name] for row in batch]
            columns.append(list(map(convert, values)) if convert else values)
        conn.exec_driver_sql(sql, list(zip(*columns)))


def _literal(value: Any) -> str:
    # Only the demo's own timestamp text or a plain number ever gets here.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if not all(ch.isdigit() or ch in "-:. " for ch in text):
        raise ValueError(f"refusing to inline {text!r} into SQL")
    return f"'{text}'"


def sqlite_text(value: date | datetime) -> str:
    """What the fast path stores for a value; exposed for the test that pins it to SQLAlchemy."""
    return _DATETIME_TEXT(value) if isinstance(value, datetime) else _DATE_TEXT(value)


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


def advance_sequences(conn: Connection, tables: list[Table]) -> None:
    """The demo writes its own ids; on PostgreSQL each table's id sequence must then move past
    them, or the next ordinary insert fails with "Key (id)=(1) already exists". (SQLite's
    rowid simply continues after the largest id.)"""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        top = select(func.coalesce(func.max(table.c.id), 0)).scalar_subquery()
        sequence = func.pg_get_serial_sequence(table.name, "id")
        # setval(seq, max + 1, false): the next nextval() returns max + 1 (and 1 on an empty table).
        conn.execute(select(func.setval(sequence, top + 1, False)))
