"""Writing an export to disk."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# A new file, never an existing one, never through a symlink: in a shared folder another user
# could otherwise pre-create the temporary name (or a link) and read the export through it.
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_TRIES = 20


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A fresh 0600 file with an unguessable name in `folder` (the target's own folder, so the
    rename below stays on one file system and is atomic)."""
    for _ in range(_TRIES):
        tmp = folder / f".{name}.{secrets.token_hex(8)}.tmp"
        try:
            return os.open(tmp, _FLAGS, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {name}")


def write_private(path: Path, data: bytes) -> None:
    """Exports hold CPR numbers and appointments: written 0600 whatever the umask, through a
    temporary file renamed into place, so a full disk or a crash never leaves half a file
    where a calendar or a spreadsheet program will read it."""
    path = Path(path)
    fd, tmp = _create_temporary(path.parent, path.name)
    try:
        # Our own new file: fchmod cannot be redirected, and a strict umask cannot leave it 0400.
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
