"""The access log: who revealed a CPR number, exported, imported or restored what, and when.

An append-only file `access.log` in the data directory (not a table: it must survive a
restore, and the database cannot be allowed to rewrite it). One JSON object per line:

    {"time": "2026-11-23T08:00:00", "caseworker": "mette", "action": "reveal_cpr",
     "citizen_id": 12, "prev": "3f1c…"}

- written with O_APPEND in one `write`, under an exclusive lock, then fsync'd; the file is
  created 0600 in a 0700 directory and never truncated, rewritten or rotated by the program;
- holds a citizen id or a file name, never a CPR number or note text (a CPR-shaped run of
  digits in a file name is masked);
- `prev` is a short SHA-256 of the previous line, so a removed or edited line shows up in
  `verify()`.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ACTIONS = (
    "reveal_cpr", "export_json", "export_csv", "export_ics", "import_csv", "import_json", "restore",
)
FILE_NAME = "access.log"
_CPR_LIKE = re.compile(r"(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)")
_GENESIS = "0" * 16


@dataclass(frozen=True, slots=True)
class AccessEntry:
    time: datetime
    caseworker: str
    action: str
    citizen_id: int | None = None
    file: str | None = None


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
    text = os.fspath(name)
    return _CPR_LIKE.sub("XXXXXX-XXXX", text)


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
) -> AccessEntry:
    """Append one entry, durably. Raises ValueError for an unknown action."""
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
    )
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        with _locked(fd):
            if os.fstat(fd).st_mode & 0o077:
                os.fchmod(fd, 0o600)
            last = _last_line(fd)
            data: dict[str, object] = {
                "time": entry.time.isoformat(), "caseworker": entry.caseworker, "action": action,
            }
            if citizen_id is not None:
                data["citizen_id"] = citizen_id
            if entry.file is not None:
                data["file"] = entry.file
            data["prev"] = _GENESIS if last is None else _digest(last)
            line = (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
            os.write(fd, line)
            os.fsync(fd)
    finally:
        os.close(fd)
    return entry


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
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def verify(directory: Path | None = None) -> list[str]:
    """Problems with the log's chain: an edited, removed or damaged line. Empty when intact."""
    path = log_path(directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    problems: list[str] = []
    previous = _GENESIS
    for n, line in enumerate(raw.splitlines(), 1):
        try:
            data = json.loads(line.decode("utf-8"))
            prev = data["prev"]
        except (ValueError, KeyError, TypeError):
            problems.append(f"line {n} is damaged")
            previous = _digest(line)
            continue
        if prev != previous:
            problems.append(f"line {n} does not follow line {n - 1} (a line was changed or removed)")
        previous = _digest(line)
    return problems
