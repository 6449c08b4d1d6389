"""Opening the Textual app. The first caseload page is read straight from SQLite (store.quick,
a few milliseconds) so it is in the first frame; the full store opens — upgrade, deadline
refresh, the day's backup — in a worker after that frame, and a failure there is shown on
screen as a sentence with what to do."""

from __future__ import annotations

from tui.unusable import Unusable


def open_app(ctx) -> int:  # type: ignore[no-untyped-def]
    from store.paths import local_file
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import load_config
    from tui.panes.base import PAGE

    quick = quick_caseload(local_file(ctx.db), ctx.clock.today(), ctx.caseworker, PAGE)
    app = SagsdagApp(
        opener=lambda: _open(ctx), quick=quick, clock=ctx.clock, caseworker=ctx.caseworker,
        config=load_config(), language=ctx.lang, read_only=ctx.read_only,
    )
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    return app.return_code or 0


def _open(ctx):  # type: ignore[no-untyped-def]
    from store.backup.auto import backup_if_stale
    from store.errors import CorruptDatabase
    from store.paths import local_file

    try:
        store = ctx.open_store()
    except CorruptDatabase as exc:
        raise _set_aside(local_file(ctx.db), exc, read_only=ctx.read_only) from None
    database = local_file(ctx.db)
    if not ctx.read_only and database is not None and database.exists():
        backup_if_stale(database)  # --read-only writes nothing, not even a backup
    return store


def _set_aside(database, exc, *, read_only: bool = False) -> Unusable:  # type: ignore[no-untyped-def]
    """As on the command line: never deleted, moved aside (not when read-only), and the
    backups offered."""
    from store.backup import list_backups
    from store.backup.unusable import set_aside
    from store.errors import NotMovedAside
    from tui.errors import store_text
    from tui.i18n import t

    lines = [store_text(exc)]
    if database is None:
        return Unusable(lines)
    if read_only:
        lines.append(t("safety.not_moved_read_only"))
        moved, backups = None, list_backups(database)
    else:
        try:
            moved, backups = set_aside(database, exc)
        except NotMovedAside as refused:
            return Unusable([*lines, store_text(refused)])
    if moved is not None:
        lines.append(t("safety.moved", file=str(database), moved=str(moved)))
    lines.append(t("safety.offer", n=len(backups), newest=backups[0].path.name) if backups else t("safety.no_backups"))
    return Unusable(lines)
