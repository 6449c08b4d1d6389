"""Open a database the way every entry point does: engine, schema upgrade, fresh deadlines."""

from __future__ import annotations

import os
from collections.abc import Callable

from sqlalchemy import Engine

from store.db.engine import make_engine
from store.db.schema import upgrade
from store.derive import needs_refresh, refresh_all


def open_engine(
    target: str | os.PathLike[str] | None,
    *,
    backup: Callable[[Engine, str], object] | None = None,
    progress: Callable[[int, int], None] | None = None,
    read_only: bool = False,
) -> Engine:
    if read_only:
        return _open_read_only(target)
    engine = make_engine(target)
    from store.durability import watch

    watch(engine)  # a database file removed or replaced while open is noticed, not written into
    if backup is None:
        from store.backup.auto import before_migration

        backup = before_migration
    try:
        upgrade(engine, backup=backup)
        if needs_refresh(engine):
            refresh_all(engine, progress)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _open_read_only(target: str | os.PathLike[str] | None) -> Engine:
    """Read-only opens never migrate or recompute: the schema must already be current."""
    from store.db.schema import schema_state
    from store.errors import ReadOnly

    engine = make_engine(target, read_only=True)
    try:
        if schema_state(engine) != "current":
            raise ReadOnly(str(engine.url.database or engine.url))
    except BaseException:
        engine.dispose()
        raise
    return engine
