"""Writing an export to disk."""

from __future__ import annotations

import os
from pathlib import Path


def write_private(path: Path, data: bytes) -> None:
    """Exports hold CPR numbers and appointments: written 0600 whatever the umask, through a
    temporary file renamed into place, so a full disk or a crash never leaves half a file
    where a calendar or a spreadsheet program will read it."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # O_CREAT's mode is ignored when a stale temporary file was already there.
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
