"""Open a database the way every entry point does: look at the file first, then engine,
schema upgrade, fresh deadlines.

The look comes first because opening with SQLAlchemy already writes (the WAL switch rewrites
a DELETE-mode header): a file Sagsdag did not make, or one from a newer Sagsdag, must be
refused before that, and `--read-only` must never get that far (see store.db.recognise)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from store.db.engine import make_engine, sqlite_path, to_url
from store.db.recognise import Recognised, recognise
from store.db.schema import head_revision, upgrade
from store.derive import needs_refresh, refresh_all
from store.errors import CorruptDatabase, DatabaseMissing, ForeignDatabase, NeedsUpgrade, NewerDatabase, NotADatabase


def open_engine(
    target: str | os.PathLike[str] | None,
    *,
    backup: Callable[[Engine, str], object] | None = None,
    progress: Callable[[int, int], None] | None = None,
    read_only: bool = False,
) -> Engine:
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        found = recognise(path)
        refuse_unusable(path, found)
        if read_only:
            return _open_read_only(path, found)
    elif read_only:
        return _open_read_only_server(url)
    engine = make_engine(url)
    from store.durability import translated, watch

    watch(engine)  # a database file removed or replaced while open is noticed, not written into
    if backup is None:
        from store.backup.auto import before_migration

        backup = before_migration
    try:
        # A lock or disk failure during the migration or the refresh is a sentence too.
        with translated(engine, write=False):
            upgrade(engine, backup=backup)
            if needs_refresh(engine):
                refresh_all(engine, progress)
    except BaseException:
        engine.dispose()
        raise
    return engine


def refuse_unusable(path: Path, found: Recognised) -> None:
    """Raise the error for a file that cannot be opened as it is. Only CorruptDatabase (a
    damaged file Sagsdag made) may lead to the file being moved aside; the others are refused
    and the file is left exactly as it was."""
    where = str(path)
    if found.state in ("not_sqlite", "damaged"):
        if found.ours:
            raise CorruptDatabase(where, found.detail or "damaged")
        if found.state == "not_sqlite":
            raise NotADatabase(where)
        raise ForeignDatabase(where)
    if found.state == "foreign":
        raise ForeignDatabase(where)
    if found.state == "newer":
        raise NewerDatabase(where, found.revision or "?", head_revision())


def _open_read_only(path: Path, found: Recognised) -> Engine:
    """Read-only opens use SQLite's mode=ro and never create, migrate or recompute: the file
    must exist and its schema must already be current."""
    if found.state == "missing":
        raise DatabaseMissing(str(path))
    if found.state != "current":
        raise NeedsUpgrade(str(path))
    return make_engine(path, read_only=True)


def _open_read_only_server(url: str) -> Engine:
    from store.db.schema import schema_state

    engine = make_engine(url, read_only=True)
    try:
        if schema_state(engine) != "current":
            raise NeedsUpgrade(str(engine.url.render_as_string(hide_password=True)))
    except BaseException:
        engine.dispose()
        raise
    return engine
