"""What a database file is, judged before anything writes to it.

Opening a file with SQLAlchemy already changes it (the WAL switch rewrites the header), so
every SQLite open first looks at the file here, read-only (`mode=ro`), and decides:

- "missing", "empty": Sagsdag may create its schema there;
- "current", "older": a Sagsdag database this program can use (after a migration);
- "newer": a Sagsdag database from a newer Sagsdag: refused, left alone;
- "foreign": an SQLite database another program made: refused, left alone;
- "not_sqlite": SQLite says it is not a database (SQLITE_NOTADB, or no SQLite header);
- "damaged": SQLite reports corruption and `PRAGMA quick_check` confirms it.

Only a "not_sqlite" or "damaged" file that is *ours* may be moved aside (never deleted).

How a file is recognised as ours (Sagsdag made it):
1. its header carries Sagsdag's application id (`PRAGMA application_id`, bytes 68-71 of the
   file), set when Sagsdag creates a database and stamped on every older one it opens for
   writing; it survives damage elsewhere in the file;
2. or, for databases made before the id existed: it has Alembic's `alembic_version` table and
   Sagsdag's `meta` and `citizen` tables;
3. or it is the default database in Sagsdag's own data directory.

Failures that say nothing about the content (locked, unable to open, I/O error, disk full)
become a `CannotOpen` sentence and nothing is renamed."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from store.db import engine as engine_mod
from store.db.revisions import revision_state
from store.errors import CannotOpen, StoreError
from store.paths import default_db_path

APPLICATION_ID = 0x53616773  # "Sags" in ASCII; any fixed 32-bit number works
SQLITE_HEADER = b"SQLite format 3\x00"
_OURS_LEGACY = {"alembic_version", "meta", "citizen"}

# SQLite primary result codes (sqlite3.h)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


@dataclass(frozen=True, slots=True)
class Recognised:
    state: str
    ours: bool
    revision: str | None = None
    detail: str = ""


def ro_uri(path: Path) -> str:
    """A `mode=ro` URI for sqlite3.connect(uri=True): the file is never created or written."""
    return f"file:{quote(str(path), safe='/')}?mode=ro"


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(100)
    except PermissionError:
        raise CannotOpen(str(path), "denied") from None
    except OSError as exc:
        raise CannotOpen(str(path), "io", exc.strerror or "") from None


def _ours_by_place(path: Path) -> bool:
    try:
        return path.resolve() == default_db_path().resolve()
    except OSError:
        return False


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def open_failure(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The sentence for an SQLite error met while opening, or None when it means damage
    (NOTADB, CORRUPT): the caller then decides whether the file is ours to move aside."""
    where = str(path)
    code = primary_code(exc)
    text = str(exc).lower()
    if code in (_NOTADB, _CORRUPT) or "not a database" in text or "malformed" in text:
        return None
    if code in (_BUSY, _LOCKED) or "locked" in text or "busy" in text:
        return CannotOpen(where, "held")
    if code == _FULL or "disk is full" in text:
        return CannotOpen(where, "full")
    if code == _IOERR or "disk i/o error" in text:
        return CannotOpen(where, "io")
    if code in (_CANTOPEN, _READONLY) or "unable to open" in text or "readonly" in text:
        return CannotOpen(where, "denied")
    return CannotOpen(where, "other", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def quick_check(path: Path) -> list[str]:
    """PRAGMA quick_check, read-only; empty when the file is sound. An error that is not about
    the content (locked, unreadable) raises CannotOpen instead of counting as damage."""
    try:
        with sqlite3.connect(ro_uri(path), uri=True, timeout=engine_mod.BUSY_TIMEOUT_MS / 1000) as db:
            rows = [r[0] for r in db.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:
        failure = open_failure(exc, path)
        if failure is not None:
            raise failure from None
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def recognise(path: Path) -> Recognised:
    """Look at `path` without changing it (see the module doc). Raises CannotOpen."""
    if not path.exists():
        return Recognised("missing", ours=False)
    if path.is_dir():
        raise CannotOpen(str(path), "other", "it is a folder")
    header = _header(path)
    if not header:
        return Recognised("empty", ours=False)  # SQLite treats an empty file as an empty database
    by_id = len(header) >= 72 and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    ours = by_id or _ours_by_place(path)
    if not header.startswith(SQLITE_HEADER):
        return Recognised("not_sqlite", ours=ours, detail="file is not a database")
    try:
        db = sqlite3.connect(ro_uri(path), uri=True, timeout=engine_mod.BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return _failed(exc, path, ours)
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        revision = None
        if "alembic_version" in tables:
            rows = db.execute("SELECT version_num FROM alembic_version").fetchall()
            revision = rows[0][0] if len(rows) == 1 else None
    except sqlite3.Error as exc:
        return _failed(exc, path, ours)
    finally:
        db.close()
    ours = ours or app_id == APPLICATION_ID or _OURS_LEGACY <= tables
    if not tables or tables == {"alembic_version"} and revision is None:
        if app_id not in (0, APPLICATION_ID):
            return Recognised("foreign", ours=False)
        return Recognised("empty", ours=ours)
    if not ours or revision is None:
        return Recognised("foreign", ours=False)
    return Recognised(revision_state(revision), ours=True, revision=revision)


def _failed(exc: sqlite3.Error, path: Path, ours: bool) -> Recognised:
    failure = open_failure(exc, path)
    if failure is not None:
        raise failure from None
    if primary_code(exc) == _NOTADB or "not a database" in str(exc).lower():
        return Recognised("not_sqlite", ours=ours, detail=str(exc))
    problems = quick_check(path)
    if not problems:
        raise CannotOpen(str(path), "other", str(exc)) from None
    return Recognised("damaged", ours=ours, detail=problems[0])
