"""`sagsdag import caseload FILE.csv` and `sagsdag import json FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.options import UsageError, add_common
from tui.i18n import t
from tui.problems import say


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help=t("cli.help.import"))
    kinds = p.add_subparsers(dest="kind", metavar=t("cli.metavar.kind"), required=True)
    csv_p = kinds.add_parser("caseload", help=t("cli.help.import_caseload"))
    csv_p.add_argument("file", type=Path, metavar=t("cli.metavar.file_csv"))
    add_common(csv_p, top=False)
    csv_p.set_defaults(handler=run_csv)
    json_p = kinds.add_parser("json", help=t("cli.help.import_json"))
    json_p.add_argument("file", type=Path, metavar=t("cli.metavar.file"))
    add_common(json_p, top=False)
    json_p.set_defaults(handler=run_json)
    add_common(p, top=False)


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise UsageError(t("cli.usage.no_file", path=str(path)))
    return path


def run_csv(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.importers.caseload_csv import import_caseload_csv
    from tui.cli.output import out, progress

    path = _existing(args.file)
    store = ctx.open_store()
    try:
        with progress(t("cli.import.progress")):
            summary = import_caseload_csv(store.engine, path, store.today(), caseworker=ctx.caseworker)
        store.log_access("import_csv", file=str(path.absolute()))
    finally:
        store.close()
    out.print(t("cli.import.done", citizens=summary.citizens, file=str(path)), markup=False)
    for warning in getattr(summary, "warnings", ()) or ():
        out.print(f"  ! {say(warning)}", markup=False)
    return 0


def run_json(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.portable import import_json
    from tui.cli.output import out, progress

    path = _existing(args.file)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(t("cli.usage.not_utf8", path=str(path), byte=exc.start)) from exc
    store = ctx.open_store()
    try:
        with progress(t("cli.import.progress")):
            summary = import_json(store.engine, text, store.today())
        store.log_access("import_json", file=str(path.absolute()))
    finally:
        store.close()
    out.print(t("cli.import.done", citizens=summary.citizens, file=str(path)), markup=False)
    for warning in getattr(summary, "warnings", ()):
        out.print(f"  ! {say(warning)}", markup=False)
    return 0

