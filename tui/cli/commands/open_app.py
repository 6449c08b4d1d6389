"""Opening the Textual app (imported only when needed, so other commands start fast).

The database is opened, upgraded and backed up here, before the first frame: a damaged or
newer file then gets the command line's plain sentence instead of a half-drawn screen."""

from __future__ import annotations


def open_app(ctx) -> int:  # type: ignore[no-untyped-def]
    from store.backup.auto import backup_if_stale
    from store.db.engine import sqlite_path
    from tui.app import SagsdagApp
    from tui.config import load_config

    store = ctx.open_store()
    try:
        database = sqlite_path(str(store.engine.url))
        if database is not None:
            backup_if_stale(database)
        app = SagsdagApp(store, config=load_config(), language=ctx.lang, read_only=ctx.read_only)
        app.run()
    finally:
        store.close()
    return app.return_code or 0
