"""The engine factory. Nothing opens a database at import time: callers pass a path or URL,
so tests and the command line can point the program anywhere."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from store.paths import APP_NAME, data_dir, default_db_path  # noqa: F401  (re-exported)
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

BUSY_TIMEOUT_MS = 5000


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


def make_engine(target: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Engine:
    """`read_only` makes the database itself refuse every write on this engine (SQLite's
    query_only, PostgreSQL's default_transaction_read_only): a team leader looking at another
    caseworker's caseload cannot change it by any path."""
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None and read_only:
        engine = create_engine(url, hide_parameters=True, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        _configure_sqlite(engine, read_only=True)
        return engine
    if path is not None:
        ensure_private_dir(path.parent)
        if not path.exists():
            # Create the file ourselves so it is 0600 whatever the umask is.
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        engine = create_engine(
            url,
            hide_parameters=True,  # a failed INSERT must not print a CPR number or a note
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        _configure_sqlite(engine)
        return engine
    connect_args = {}
    if read_only and make_url(url).get_backend_name() == "postgresql":
        connect_args["options"] = "-c default_transaction_read_only=on"
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args)
    if engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    return engine


# Any constant the program owns; pg_advisory_xact_lock takes one bigint.
WRITE_LOCK_KEY = 0x5A65_6773_6461_67  # "Sagsdag"-ish, < 2**63


def _configure_postgresql(engine: Engine) -> None:
    """Write transactions on PostgreSQL take one transaction-scoped advisory lock first, so
    writers run one at a time exactly as under SQLite's BEGIN IMMEDIATE; readers never wait.

    Why not row locks or SERIALIZABLE: a user action reads far more than it writes (the
    derived deadlines are recomputed from every meeting, absence and course of the citizen),
    so `SELECT ... FOR UPDATE` on the edited row would not stop two actions on the same
    citizen from each recomputing from a stale picture, and SERIALIZABLE would need every
    caller to retry on serialization failures. With the lock, each write transaction (READ
    COMMITTED) starts after the previous writer committed and sees everything it wrote, so
    the `expected_version` check in store.commands.checks.fetch cannot race and derived
    deadlines are never computed from stale rows. Actions are short (one form save), so a
    team of caseworkers never notices the queue; a writer waits at most LOCK_TIMEOUT_MS,
    like SQLite's busy timeout, then gets an OperationalError instead of hanging."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get("sagsdag_write"):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
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
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get("sagsdag_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
