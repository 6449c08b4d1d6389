"""The engine factory. Nothing opens a database at import time: callers pass a path or URL,
so tests and the command line can point the program anywhere."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

APP_NAME = "sagsdag"
BUSY_TIMEOUT_MS = 5000


def data_dir() -> Path:
    """Where the database, backups and logs live unless told otherwise.

    `SAGSDAG_HOME` wins, so tests and a caseworker with several databases can move it."""
    home = os.environ.get("SAGSDAG_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "sagsdag.db"


def to_url(target: str | os.PathLike[str] | None) -> str:
    """A file path or an SQLAlchemy URL, as typed after --db, becomes a URL."""
    if target is None:
        target = default_db_path()
    text = os.fspath(target)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def ensure_private_dir(path: Path) -> None:
    """The directory holding CPR numbers and health notes is readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(path, 0o700)
    except PermissionError:  # a shared directory we do not own; the files are still 0600
        pass


def make_engine(target: str | os.PathLike[str] | None = None) -> Engine:
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        ensure_private_dir(path.parent)
        if not path.exists():
            # Create the file ourselves so it is 0600 whatever the umask is.
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself, so writes can ask for
        # BEGIN IMMEDIATE and never fail half-way with "database is locked".
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get("sagsdag_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
