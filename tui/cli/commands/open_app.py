"""Opening the Textual app. The first caseload page is read straight from SQLite (store.quick,
a few milliseconds) so it is in the first frame; the full store opens — upgrade, deadline
refresh — in a worker after that frame (tui.startup), and a failure there is shown on screen
as a sentence with what to do. The day's backup runs once every pane has its data."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Protocol

from tui.unusable import Unusable

if TYPE_CHECKING:
    from store.clock import Clock
    from store.facade import Store
    from tui.app import SagsdagApp


class Context(Protocol):
    """What opening the app needs of the command line's context (tui.cli.context.Context,
    which imports this module when no command is given: named here, not imported)."""

    @property
    def db(self) -> str | None: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def caseworker(self) -> str | None: ...
    @property
    def read_only(self) -> bool: ...
    @property
    def lang(self) -> str: ...
    def open_store(self) -> Store: ...


QUICK_AT_LEAST = 48  # rows in the quick first page, however small the terminal says it is


def quick_rows(page: int) -> int:
    """The quick first page is what the first frame can show, not a whole page: each row is
    eighteen subqueries, rule arithmetic and a row of the caseload table, all on the main
    thread before the first frame (a page of 200 at 50,000 citizens: the read ~14 ms against
    ~6 for 48 rows, and ~7 ms to show them). The rest come with the full store's first page.
    Paired start-up runs at 50,000 citizens: time to interactive 1.58x -> 1.49x the bare app."""
    return min(page, max(QUICK_AT_LEAST, shutil.get_terminal_size().lines))


def open_app(ctx: Context) -> int:
    from tui.startup import hold_gc

    hold_gc()  # before the heavy imports: see tui.startup
    from store.paths import local_file
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import load_config
    from tui.panes.base import PAGE

    quick = quick_caseload(local_file(ctx.db), ctx.clock.today(), ctx.caseworker, quick_rows(PAGE))
    app = SagsdagApp(
        opener=lambda: _open(ctx), quick=quick, clock=ctx.clock, caseworker=ctx.caseworker,
        config=load_config(), language=ctx.lang, read_only=ctx.read_only,
        after_open=lambda: _daily_backup(app, ctx),
    )
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
        from tui.compiled_once import save

        save()  # the classes' compiled code, for the next start (tui.compiled_once)
    return app.return_code or 0


def _open(ctx: Context) -> Store:
    from store.errors import CorruptDatabase
    from store.paths import local_file

    try:
        return ctx.open_store()
    except CorruptDatabase as exc:
        raise _set_aside(local_file(ctx.db), exc, read_only=ctx.read_only) from None


def _daily_backup(app: SagsdagApp, ctx: Context) -> None:
    """Run in a worker once the panes have their data: never in the way of the first key. A
    failure is a warning on screen; the data itself is untouched."""
    from store.backup.auto import backup_if_stale
    from store.paths import local_file
    from tui.i18n import t

    database = local_file(ctx.db)
    if ctx.read_only or database is None or not database.exists():
        return  # --read-only writes nothing, not even a backup
    try:
        backup_if_stale(database)
    except Exception as exc:  # noqa: BLE001 - reported, never a crash
        app.call_from_thread(app.notify, t("startup.backup_failed", error=str(exc)), severity="warning",
                             markup=False, timeout=10)


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
