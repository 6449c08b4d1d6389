"""The access log: who revealed a CPR number, exported, imported or restored what, and when.

An append-only file `access.log` in the data directory (not a table: it must survive a
restore, and the database cannot be allowed to rewrite it). One JSON object per line:

    {"time": "2026-11-23T08:00:00", "caseworker": "mette", "action": "reveal_cpr",
     "db": "5be1…", "citizen": "9a0c…", "citizen_id": 12, "n": 7, "prev": "3f1c…"}

- written with O_APPEND in one `write`, under an exclusive lock, then fsync'd; the file is
  created 0600 in a 0700 directory and never truncated, rewritten or rotated by the program;
- holds a citizen id or a file name, never a CPR number or note text (a CPR-shaped run of
  digits in a file name is masked);
- `prev` is a short SHA-256 of the previous line and `n` the line's number, so a removed or
  edited line shows up in `verify()`;
- `db` names the database (its random id, see store/access_anchor.py) and `citizen` the
  citizen's random uid, which is never reused (an id is, after an undone creation);
- the chain alone cannot show a cut-off tail, a rebuilt chain or a deleted file: every writer
  that can, keeps the newest line number and hash in its database (and so in every backup of
  it), and `verify_anchor()` holds the file against that anchor.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

ACTIONS = (
    "reveal_cpr", "export_json", "export_csv", "export_ics", "import_csv", "import_json", "restore",
    "full_cpr", "delete_citizen",
)
FILE_NAME = "access.log"
_GENESIS = "0" * 16


@dataclass(frozen=True, slots=True)
class AccessEntry:
    time: datetime
    caseworker: str
    action: str
    citizen_id: int | None = None
    file: str | None = None
    database: str | None = None
    citizen: str | None = None  # the citizen's uid
    n: int | None = None


@dataclass(frozen=True, slots=True)
class LogProblem:
    """What is wrong with the log: `code` is a catalog key under access_log.problem."""

    code: str
    line: int = 0
    expected: int = 0


def log_path(directory: Path | None = None) -> Path:
    from store.db.engine import data_dir

    return (directory or data_dir()) / FILE_NAME


def who(caseworker: str | None) -> str:
    if caseworker:
        return caseworker
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to refuse logging
        return "?"


def _safe_file(name: str | os.PathLike[str]) -> str:
    from store.privacy import mask_cprs_in

    return mask_cprs_in(os.fspath(name), birth_date=False)


def _digest(line: bytes) -> str:
    return hashlib.sha256(line.rstrip(b"\n")).hexdigest()[:16]


def _last_line(fd: int) -> bytes | None:
    size = os.lseek(fd, 0, os.SEEK_END)
    if size == 0:
        return None
    block = min(size, 8192)
    while True:
        os.lseek(fd, size - block, os.SEEK_SET)
        data = os.read(fd, block)
        body = data.rstrip(b"\n")
        cut = body.rfind(b"\n")
        if cut >= 0 or block == size:
            return body[cut + 1:]
        block = min(size, block * 4)


def record(
    action: str,
    *,
    caseworker: str | None = None,
    citizen_id: int | None = None,
    file: str | os.PathLike[str] | None = None,
    when: datetime | None = None,
    directory: Path | None = None,
    database: str | None = None,
    citizen: str | None = None,
    anchor: Callable[[int, str], None] | None = None,
) -> AccessEntry:
    """Append one entry, durably. Raises ValueError for an unknown action. `anchor(n, hash)`
    is called while the file is still locked, so anchors are written in the file's order."""
    if action not in ACTIONS:
        raise ValueError(f"unknown access-log action {action!r}; known: {', '.join(ACTIONS)}")
    if citizen_id is not None and not isinstance(citizen_id, int):
        raise ValueError("citizen_id must be an int (never a CPR number)")
    from store.db.engine import ensure_private_dir

    path = log_path(directory)
    ensure_private_dir(path.parent)
    entry = AccessEntry(
        time=(when or datetime.now()).replace(microsecond=0), caseworker=who(caseworker), action=action,
        citizen_id=citizen_id, file=_safe_file(file) if file is not None else None,
        database=database, citizen=citizen,
    )
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        with _locked(fd):
            if os.fstat(fd).st_mode & 0o077:
                os.fchmod(fd, 0o600)
            last = _last_line(fd)
            number = _number_after(fd, last)
            data: dict[str, object] = {
                "time": entry.time.isoformat(), "caseworker": entry.caseworker, "action": action,
            }
            if database is not None:
                data["db"] = database
            if citizen is not None:
                data["citizen"] = citizen
            if citizen_id is not None:
                data["citizen_id"] = citizen_id
            if entry.file is not None:
                data["file"] = entry.file
            data["n"] = number
            data["prev"] = _GENESIS if last is None else _digest(last)
            line = (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
            os.write(fd, line)
            os.fsync(fd)
            entry = replace(entry, n=number)
            if anchor is not None:
                anchor(number, _digest(line))
    finally:
        os.close(fd)
    return entry


def _number_after(fd: int, last: bytes | None) -> int:
    """The new line's number: one past the last line's own, or counted when that is damaged."""
    if last is None:
        return 1
    try:
        return int(json.loads(last.decode("utf-8"))["n"]) + 1
    except (ValueError, KeyError, TypeError, AttributeError):
        os.lseek(fd, 0, os.SEEK_SET)
        count = 0
        while chunk := os.read(fd, 1 << 20):
            count += chunk.count(b"\n")
        return count + 1


@contextlib.contextmanager
def _locked(fd: int):  # type: ignore[no-untyped-def]
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: O_APPEND alone
        yield
        return
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def read(directory: Path | None = None, *, limit: int | None = None) -> list[AccessEntry]:
    """Newest first. A damaged line is skipped (see `verify()` to find it)."""
    path = log_path(directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    entries: list[AccessEntry] = []
    for line in raw.splitlines():
        entry = _parse(line)
        if entry is not None:
            entries.append(entry)
    entries.reverse()
    return entries[:limit] if limit is not None else entries


def _parse(line: bytes) -> AccessEntry | None:
    try:
        data = json.loads(line.decode("utf-8"))
        citizen = data.get("citizen_id")
        return AccessEntry(
            time=datetime.fromisoformat(data["time"]), caseworker=str(data["caseworker"]), action=str(data["action"]),
            citizen_id=int(citizen) if citizen is not None else None,
            file=str(data["file"]) if data.get("file") is not None else None,
            database=str(data["db"]) if data.get("db") is not None else None,
            citizen=str(data["citizen"]) if data.get("citizen") is not None else None,
            n=int(data["n"]) if data.get("n") is not None else None,
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def verify(directory: Path | None = None) -> list[LogProblem]:
    """Problems with the log's chain: an edited, removed or damaged line. Empty when intact.
    A cut-off tail or a removed file needs the anchor: see `verify_anchor()`."""
    path = log_path(directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    problems: list[LogProblem] = []
    previous = _GENESIS
    for n, line in enumerate(raw.splitlines(), 1):
        try:
            data = json.loads(line.decode("utf-8"))
            prev = data["prev"]
        except (ValueError, KeyError, TypeError):
            problems.append(LogProblem("damaged", n))
            previous = _digest(line)
            continue
        if prev != previous:
            problems.append(LogProblem("broken", n))
        elif "n" in data and data["n"] != n:
            problems.append(LogProblem("renumbered", n))
        previous = _digest(line)
    return problems


def verify_anchor(lines: int, head: str, directory: Path | None = None) -> list[LogProblem]:
    """Holds the file against what a database remembers: line `lines` must still be there and
    hash to `head`. Catches a removed file, a cut-off tail and a rebuilt chain."""
    if lines <= 0:
        return []
    path = log_path(directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [LogProblem("missing", 0, lines)]
    all_lines = raw.splitlines()
    if len(all_lines) < lines:
        return [LogProblem("truncated", len(all_lines), lines)]
    if _digest(all_lines[lines - 1]) != head:
        return [LogProblem("rewritten", lines, lines)]
    return []
