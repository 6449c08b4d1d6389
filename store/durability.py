"""What keeps a saved record saved: the SQLite settings every connection runs with, a way to
read them back from a live engine, and the mapping of low-level SQLite failures (busy, read
only, disk full, file gone, I/O error) to one clear StoreError each.

The settings themselves are applied in `store.db.engine` on every new connection:

- `journal_mode = wal`: readers never block the writer and a crash mid-write leaves the last
  committed transaction intact (the WAL is replayed or ignored on the next open);
- `synchronous = full` (2): every commit is fsync'd before it is acknowledged, so a power cut
  after "saved" never loses the save (NORMAL may lose the newest commits in WAL mode);
- `foreign_keys = on`: no orphan rows;
- `busy_timeout`: a second Sagsdag window waits for the first's write instead of failing;
- every write transaction starts with BEGIN IMMEDIATE, so it takes the write lock up front and
  never fails half-way with "database is locked" after reading.

Error messages never contain the SQL parameters (they may hold a CPR number or note text):
`translated()` raises the mapped error `from None`, so the parameter-bearing SQLAlchemy error
is not chained into the traceback either."""

from __future__ import annotations

import errno
import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from store.db.urls import sqlite_path
from store.errors import StoreError

# What `sqlite_settings()` must report on every file-backed engine.
EXPECTED: dict[str, Any] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
}
MIN_BUSY_TIMEOUT_MS = 1000
_SYNC_NAMES = {0: "off", 1: "normal", 2: "full", 3: "extra"}


def sqlite_settings(engine: Engine) -> dict[str, Any]:
    """The PRAGMA values a connection of `engine` actually runs with (read back, not assumed)."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cur = raw.cursor()
        try:
            values = {
                name: cur.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "page_size", "auto_vacuum")
            }
        finally:
            cur.close()
    values["journal_mode"] = str(values["journal_mode"]).lower()
    values["sqlite_version"] = sqlite3.sqlite_version
    return values


def settings_problems(values: dict[str, Any]) -> list[str]:
    """Empty when the settings are the durable ones; otherwise one sentence per deviation."""
    problems = [
        f"PRAGMA {name} is {values.get(name)!r}, expected {want!r}"
        for name, want in EXPECTED.items() if values.get(name) != want
    ]
    if int(values.get("busy_timeout") or 0) < MIN_BUSY_TIMEOUT_MS:
        problems.append(f"PRAGMA busy_timeout is {values.get('busy_timeout')} ms, expected at least {MIN_BUSY_TIMEOUT_MS}")
    return problems


def describe_settings(values: dict[str, Any]) -> list[str]:
    """`name = value` lines for `sagsdag check`."""
    shown = dict(values)
    sync = shown.get("synchronous")
    if isinstance(sync, int):
        shown["synchronous"] = f"{sync} ({_SYNC_NAMES.get(sync, '?')})"
    if "busy_timeout" in shown:
        shown["busy_timeout"] = f"{shown['busy_timeout']} ms"
    return [f"{name} = {value}" for name, value in shown.items()]


# -- errors ----------------------------------------------------------------------------------


class WriteFailed(StoreError):
    """The database refused a write. Nothing of the failed action was stored; everything
    saved before is still there."""

    code = "db.write_failed"

    def __init__(self, message: str, code: str, **params: object) -> None:
        super().__init__(message, **params)
        self.code = code


class DatabaseBusy(WriteFailed):
    def __init__(self, where: str = "the database") -> None:
        super().__init__(
            f"{where} is busy: another Sagsdag window or program is saving to it right now. "
            "Nothing was changed; try again in a moment.",
            "db.busy", where=where,
        )


class DatabaseReadOnly(WriteFailed):
    def __init__(self, where: str = "the database") -> None:
        super().__init__(
            f"{where} cannot be written (the file or its folder is read-only). Nothing was changed and "
            "everything saved before is intact; fix the permissions (chmod u+w) and save again.",
            "db.read_only", where=where,
        )


class DatabaseGone(WriteFailed):
    def __init__(self, where: str = "the database") -> None:
        super().__init__(
            f"{where} was removed, moved or replaced (e.g. restored in another window) while Sagsdag "
            "had it open. Nothing was changed; start Sagsdag again (run `sagsdag restore` if the file is gone).",
            "db.gone", where=where,
        )


class DiskFull(WriteFailed):
    def __init__(self, where: str = "the database") -> None:
        super().__init__(
            f"The disk holding {where} is full. Nothing was changed and everything saved before is intact; "
            "free some space and save again.",
            "db.disk_full", where=where,
        )


class DiskError(WriteFailed):
    def __init__(self, where: str = "the database", detail: str = "") -> None:
        super().__init__(
            f"The disk reported an error while writing {where}"
            + (f" ({detail})" if detail else "")
            + ". Nothing was changed; run `sagsdag check`, and restore a backup if it reports damage.",
            "db.io_error", where=where, detail=detail,
        )


def _where(engine: Engine | None) -> tuple[str, Path | None]:
    if engine is None:
        return "the database", None
    path = sqlite_path(str(engine.url))
    return (str(path) if path else "the database"), path


def translate(exc: BaseException, engine: Engine | None = None) -> StoreError | None:
    """The StoreError a low-level failure means, or None when it is not one we know.

    Works on SQLAlchemy's wrapped errors and on bare sqlite3 errors. The message is built from
    the error's kind only: never from its SQL parameters."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    where, path = _where(engine)
    if isinstance(orig, sqlite3.Error):
        text = str(orig).lower()
        code = getattr(orig, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in (5, 6) or "database is locked" in text or "database is busy" in text or "locked" in text:
            return DatabaseBusy(where)  # SQLITE_BUSY, SQLITE_LOCKED
        if primary == 13 or "database or disk is full" in text or "disk is full" in text:
            return DiskFull(where)  # SQLITE_FULL
        if primary == 8 or "readonly" in text or "read-only" in text:
            if path is not None and not path.exists():
                return DatabaseGone(where)  # SQLITE_READONLY_DBMOVED
            return DatabaseReadOnly(where)
        if primary == 14 or "unable to open" in text:
            if path is not None and not path.exists():
                return DatabaseGone(where)
            return DatabaseReadOnly(where)  # SQLITE_CANTOPEN: usually a folder we cannot write
        if primary == 10 or "disk i/o error" in text:
            if path is not None and not path.exists():
                return DatabaseGone(where)
            return DiskError(where, "disk I/O error")
        return None
    if isinstance(orig, OSError):
        if orig.errno == errno.ENOSPC:
            return DiskFull(where)
        if orig.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return DatabaseReadOnly(where)
    return None


# -- the file under an open engine -------------------------------------------------------------
#
# In WAL mode SQLite does not notice when its file is deleted, or replaced by a rename (another
# window's `sagsdag restore`): writes then "succeed" into the unlinked file and vanish when the
# program closes. So every write first checks that the path still names the file it opened.

_identity: weakref.WeakKeyDictionary[Engine, tuple[int, int]] = weakref.WeakKeyDictionary()


def _stat_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def watch(engine: Engine) -> None:
    """Remember which file `engine` opened (call right after opening; `translated()` also
    remembers it the first time it sees an engine)."""
    path = sqlite_path(str(engine.url))
    if path is not None:
        ident = _stat_id(path)
        if ident is not None:
            _identity[engine] = ident


def check_file(engine: Engine) -> None:
    """Raise DatabaseGone when the database file was removed or replaced since it was opened."""
    where, path = _where(engine)
    if path is None:
        return
    known = _identity.get(engine)
    if known is None:
        watch(engine)
        known = _identity.get(engine)
    now = _stat_id(path)
    if now is None or (known is not None and now != known):
        raise DatabaseGone(where)


@contextmanager
def translated(engine: Engine | None = None, *, write: bool = True) -> Iterator[None]:
    """Wrap a transaction: known SQLite failures leave as a StoreError, without the original
    (parameter-bearing) exception chained to it. A write first checks that the file is still
    the one the engine opened."""
    if write and engine is not None:
        check_file(engine)
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        mapped = translate(exc, engine)
        if mapped is None:
            if isinstance(exc, DBAPIError):
                # Keep the traceback (it is a bug worth seeing) but not the row it tried to write.
                exc.hide_parameters = True
            raise
        raise mapped from None
