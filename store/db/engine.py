"""The engine factory. Nothing opens a database at import time: callers pass a path or URL,
so tests and the command line can point the program anywhere."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

# Re-exported (`name as name`: explicitly, for type checkers) for callers that open databases.
from store.paths import APP_NAME as APP_NAME, data_dir as data_dir, default_db_path as default_db_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from store.db.urls import sqlite_path as sqlite_path
from store.durability import check_file
from store.errors import DriverMissing

BUSY_TIMEOUT_MS = 5000


def to_url(target: str | os.PathLike[str] | None) -> str:
    """A file path or an SQLAlchemy URL, as typed after --db, becomes a URL."""
    if target is None:
        target = default_db_path()
    text = os.fspath(target)
    for plain in ("postgresql://", "postgres://"):
        # The README's `postgresql://user@host/db` means the driver Sagsdag installs
        # (psycopg 3, the `postgres` extra), not SQLAlchemy's default psycopg2.
        if text.startswith(plain):
            return "postgresql+psycopg://" + text[len(plain):]
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parents with mode 0700. A folder that already exists is
    never touched: the folder around `--db` is not ours (a shared 1777 folder keeps its
    sticky bit, /tmp stays /tmp)."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:  # made by someone else in the meantime: theirs
            continue
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask


def private_file(path: Path) -> None:
    """The database and its -wal/-shm readable by the owner only, even when the file existed
    with a wider mode (SQLite gives -wal/-shm the database file's mode when it creates them)."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if candidate.is_file() and candidate.stat().st_mode & 0o077:
                os.chmod(candidate, 0o600)
        except OSError:  # not ours to change (another owner): it still opens
            pass


def ensure_private_dir(path: Path) -> None:
    """A folder Sagsdag owns (its data directory, a backups folder) is readable by its owner
    only. Created 0700 when missing; an existing one is narrowed to 0700 only when it is
    ours to narrow: owned by us and not a shared sticky folder."""
    existed = path.exists()
    make_private_dir(path)
    if not existed:
        return
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and not st.st_mode & 0o1000 and st.st_mode & 0o077:
            os.chmod(path, 0o700)
    except OSError:  # a shared directory we do not own; the files are still 0600
        pass


def make_engine(target: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Engine:
    """`read_only` makes the database itself refuse every write on this engine (SQLite's
    query_only, PostgreSQL's default_transaction_read_only): a team leader looking at another
    caseworker's caseload cannot change it by any path."""
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None and read_only:
        # mode=ro: SQLite itself never creates, writes or changes the journal mode of the file.
        ro = URL.create("sqlite", database=f"file:{quote(str(path), safe='/')}", query={"mode": "ro", "uri": "true"})
        engine = create_engine(ro, hide_parameters=True, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        _configure_sqlite(engine, read_only=True)
        return engine
    if path is not None:
        make_private_dir(path.parent)
        if not path.exists():
            # Create the file ourselves so it is 0600 whatever the umask is.
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        private_file(path)  # before SQLite creates -wal/-shm: they copy the file's mode
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
    try:
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args)
    except ImportError as exc:
        if make_url(url).get_backend_name() == "postgresql":
            raise DriverMissing(getattr(exc, "name", None) or make_url(url).get_driver_name()) from None
        raise
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
        if read_only:
            # No journal-mode switch: it would rewrite the header of a DELETE-mode file.
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get("sagsdag_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            # Checked again now that the write lock is ours: a restore or a removal that
            # happened while this writer waited for the lock must not be written past.
            check_file(engine)
        else:
            conn.exec_driver_sql("BEGIN")
