"""`sagsdag backup`, `sagsdag restore` and `sagsdag check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.table import Table

from tui.cli.options import UsageError, add_common
from tui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="copy the database to the backup folder now")
    add_common(p, top=False)
    p.set_defaults(handler=run_backup)
    p = sub.add_parser("restore", help="list backups, or restore one (the current file is backed up first)")
    p.add_argument("which", nargs="?", metavar="N|FILE", help="number from the list, or a backup file")
    add_common(p, top=False)
    p.set_defaults(handler=run_restore)
    p = sub.add_parser("check", help="check the database file's integrity")
    add_common(p, top=False)
    p.set_defaults(handler=run_check)


def _database(ctx) -> Path:  # type: ignore[no-untyped-def]
    from store.db.engine import sqlite_path, to_url

    path = sqlite_path(to_url(ctx.db))
    if path is None:
        raise UsageError(t("cli.usage.backup_pg"))
    return path


def run_backup(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.backup import make_backup, rotate
    from tui.cli.output import out

    database = _database(ctx)
    if not database.exists():
        raise UsageError(t("cli.usage.nothing_to_back_up", path=str(database)))
    path = make_backup(database, "manual")
    rotate(database)
    out.print(t("cli.backup.done", file=str(path)), markup=False)
    return 0


def run_restore(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.backup import list_backups
    from store.backup.restore import restore
    from tui.cli.output import out
    from tui.i18n.dates import fmt_date

    database = _database(ctx)
    backups = list_backups(database)
    if args.which is None:
        if not backups:
            out.print(t("cli.restore.none", folder=str(database.parent)), markup=False)
            return 0
        table = Table(title=t("cli.restore.title"), title_justify="left")
        for key in ("n", "taken", "reason", "size", "file"):
            table.add_column(t(f"cli.restore.col.{key}"))
        for n, b in enumerate(backups, 1):
            table.add_row(str(n), f"{fmt_date(b.taken.date())} {b.taken:%H:%M}", b.reason, f"{b.size // 1024} KiB", b.path.name)
        out.print(table)
        out.print(t("cli.restore.hint"), markup=False)
        return 0
    if args.which.isdigit():
        n = int(args.which)
        if not 1 <= n <= len(backups):
            raise UsageError(t("cli.usage.no_backup", n=n))
        chosen = backups[n - 1].path
    else:
        chosen = Path(args.which)
        if not chosen.is_file():
            raise UsageError(t("cli.usage.backup_not_file", path=str(chosen)))
    try:
        safety = restore(chosen, database)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    from store import access_log

    access_log.record("restore", caseworker=ctx.caseworker, file=chosen.name)
    out.print(t("cli.restore.done", file=chosen.name, safety=str(safety) if safety else "–"), markup=False)
    return 0


def run_check(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.backup.restore import integrity
    from tui.cli.output import fail, out

    database = _database(ctx)
    if not database.exists():
        raise UsageError(t("cli.usage.no_database", path=str(database)))
    problems = integrity(database)
    if problems:
        return fail(t("cli.check.bad", file=str(database), problem=problems[0]), code=1)
    out.print(t("cli.check.ok", file=str(database)), markup=False)
    from store.db.engine import make_engine
    from store.durability import describe_settings, settings_problems, sqlite_settings

    engine = make_engine(database)
    try:
        values = sqlite_settings(engine)
    finally:
        engine.dispose()
    out.print(t("safety.settings"), markup=False)
    for line in describe_settings(values):
        out.print(f"  {line}", markup=False)
    bad = settings_problems(values)
    if bad:
        return fail(t("safety.settings_bad", problem="; ".join(bad)), code=1)
    return 0


def unusable(ctx, exc) -> int:  # type: ignore[no-untyped-def]
    """A damaged, foreign or newer database met on opening: moved aside, never deleted, and
    the backups offered. Called by the command line for CorruptDatabase, ForeignDatabase and
    NewerDatabase."""
    from store.backup.unusable import set_aside
    from tui.cli.output import err, fail

    database = _database(ctx)
    moved, backups = set_aside(database, exc)
    fail(str(exc), code=2)
    if moved is not None:
        err.print(t("safety.moved", file=str(database), moved=str(moved)), markup=False, highlight=False)
    if backups:
        newest = backups[0]
        err.print(t("safety.offer", n=len(backups), newest=newest.path.name), markup=False, highlight=False)
    else:
        err.print(t("safety.no_backups"), markup=False, highlight=False)
    return 2
