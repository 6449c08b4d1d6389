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
) -> Engine:
    engine = make_engine(target)
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
