"""A fresh, migrated database file and a plain sqlite3 view of it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from store.db.engine import make_engine
from store.db.schema import upgrade
from store.demo import DemoSummary, generate


def build(path: Path, *, citizens: int = 48, seed: int = 1, today: date = date(2026, 11, 23)) -> DemoSummary:
    engine = make_engine(path)
    try:
        upgrade(engine)
        return generate(engine, citizens=citizens, seed=seed, today=today)
    finally:
        engine.dispose()


def rows(path: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()
