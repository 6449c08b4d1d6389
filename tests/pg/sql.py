"""`connect(target)`: a DB-API connection to a test database of either backend, for tests
that look at rows directly. `target` is a file path, an SQLAlchemy URL or an Engine; SQLite's
`?` placeholders work on PostgreSQL too."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url


class _Pg:
    def __init__(self, url: str) -> None:
        import psycopg

        parsed = make_url(url)
        self._conn = psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username,
                                     password=parsed.password, dbname=parsed.database, autocommit=True)

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), params)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> _Pg:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(target: str | os.PathLike[str] | Engine) -> Any:
    if isinstance(target, Engine):
        target = target.url.render_as_string(hide_password=False)
    text = os.fspath(target)
    if "://" not in text:
        return sqlite3.connect(text)
    url = make_url(text)
    if url.get_backend_name() == "sqlite":
        return sqlite3.connect(url.database or "")
    return _Pg(text)
