"""`sagsdag backup`, `sagsdag restore` and `sagsdag check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.table import Table

from tui.cli.options import UsageError, add_common
from tui.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help=t("cli.help.backup"))
    add_common(p, top=False)
    p.set_defaults(handler=run_backup)
    p = sub.add_parser("restore", help=t("cli.help.restore"))
    p.add_argument("which", nargs="?", metavar=t("cli.metavar.n_or_file"), help=t("cli.help.restore_which"))
    add_common(p, top=False)
    p.set_defaults(handler=run_restore)
    p = sub.add_parser("check", help=t("cli.help.check"))
    add_common(p, top=False)
    p.set_defaults(handler=run_check)


def _database(ctx) -> Path:  # type: ignore[no-untyped-def]
    from store.db.engine import sqlite_path, to_url

    path = sqlite_path(to_url(ctx.db))
    if path is None:
        raise UsageError(t("cli.safety.sqlite_only"))
    return path


def _refuse_if_not_ours(database: Path) -> None:
    """backup, restore and check never act on a file Sagsdag did not make (a text file, another
    program's database): refused in a sentence, left as it is. A damaged file of ours goes on:
    `check` reports it, `restore` replaces it (moving it aside first)."""
    from store.db.recognise import recognise
    from store.opening import refuse_unusable

    found = recognise(database)
    if found.state == "foreign" or (found.state in ("not_sqlite", "damaged") and not found.ours):
        refuse_unusable(database, found)


def run_backup(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.backup import make_backup, rotate
    from tui.cli.output import out

    database = _database(ctx)
    if not database.exists():
        raise UsageError(t("cli.safety.nothing_yet", file=str(database)))
    _refuse_if_not_ours(database)
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
            raise UsageError(t("cli.safety.no_such_backup", n=n))
        chosen = backups[n - 1].path
    else:
        chosen = Path(args.which)
        if not chosen.is_file():
            raise UsageError(t("cli.safety.not_a_file", file=str(chosen)))
    from store.backup.restore import RestoreBusy, Unrestorable

    if database.exists():
        _refuse_if_not_ours(database)
    try:
        safety = restore(chosen, database)
    except RestoreBusy as exc:
        raise UsageError(t("cli.safety.restore_busy", file=exc.where)) from None
    except Unrestorable as exc:
        raise UsageError(t(f"cli.safety.unrestorable.{exc.kind}", **exc.params)) from None
    except ValueError as exc:
        # The one other refusal restore() has: a backup too small to hold a database (its
        # English text says "holds no Sagsdag database"), which is the "foreign" sentence.
        raise UsageError(t("cli.safety.unrestorable.foreign", file=chosen.name)) from exc
    from store.opening import open_engine

    open_engine(database).dispose()  # an older backup is migrated now, not by the next window
    from store import access_log

    from store.privacy import mask_cprs_in

    access_log.record("restore", caseworker=ctx.caseworker, file=chosen.name,
                      database=mask_cprs_in(str(database), birth_date=False))
    out.print(t("cli.restore.done", file=chosen.name, safety=str(safety) if safety else "–"), markup=False)
    return 0


def run_check(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.backup.restore import integrity
    from store.db.engine import sqlite_path, to_url
    from tui.cli.commands.access_check import check_access_log
    from tui.cli.output import fail, out

    if sqlite_path(to_url(ctx.db)) is None:  # a server database: only the access log to check here
        return check_access_log(ctx)
    database = _database(ctx)
    if not database.exists():
        raise UsageError(t("cli.safety.missing", file=str(database)))
    _refuse_if_not_ours(database)
    problems = integrity(database)
    if problems:
        return fail(t("cli.check.bad", file=str(database), problem=problems[0]), code=1)
    out.print(t("cli.check.ok", file=str(database)), markup=False)
    from store.db.engine import make_engine
    from store.durability import describe_settings, settings_problems, sqlite_settings

    engine = make_engine(database, read_only=ctx.read_only)  # --read-only: mode=ro, no WAL switch
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
    return check_access_log(ctx)


def unusable(ctx, exc) -> int:  # type: ignore[no-untyped-def]
    """A damaged database Sagsdag made, met on opening: moved aside, never deleted, and the
    backups offered. With --read-only nothing is moved; a folder that refuses the rename is a
    sentence too. (A foreign, non-SQLite or newer file never gets here: it is refused.)"""
    from store.backup import list_backups
    from store.backup.unusable import set_aside
    from store.errors import NotMovedAside
    from tui.errors import store_text
    from tui.cli.output import err, fail

    database = _database(ctx)
    fail(store_text(exc), code=2)
    if ctx.read_only:
        err.print(t("safety.not_moved_read_only"), markup=False, highlight=False)
        backups = list_backups(database)
        moved = None
    else:
        try:
            moved, backups = set_aside(database, exc)
        except NotMovedAside as refused:
            err.print(store_text(refused), markup=False, highlight=False)
            return 2
    if moved is not None:
        err.print(t("safety.moved", file=str(database), moved=str(moved)), markup=False, highlight=False)
    if backups:
        newest = backups[0]
        err.print(t("safety.offer", n=len(backups), newest=newest.path.name), markup=False, highlight=False)
    else:
        err.print(t("safety.no_backups"), markup=False, highlight=False)
    return 2
