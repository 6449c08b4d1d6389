"""Where Sagsdag's files live, without loading SQLAlchemy (the quick first page needs the
path before the full store has loaded)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "sagsdag"


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


def local_file(target: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file behind `--db` (a path, a sqlite:/// URL or nothing), or None for a server."""
    if target is None:
        return default_db_path()
    text = os.fspath(target)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        return None
    return Path(text).expanduser().resolve()
