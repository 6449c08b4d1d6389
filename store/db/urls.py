"""Where a database URL points on disk. Below both the engine factory and the durability
checks, which each need it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from sqlalchemy.engine import URL, make_url


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite URL, or None for another backend or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    database = parsed.database
    if database.startswith("file:"):  # a read-only engine's `file:PATH?mode=ro` URI
        database = unquote(database[len("file:"):])
    return Path(database)
