"""`sagsdag export json|ics|csv`: the portable format, a calendar of meetings, and the caseload
or its deadlines as spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store.exports.files import write_private
from tui.cli.options import UsageError, add_common, parse_day
from tui.i18n import t

__all__ = ["register", "write_private"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help=t("cli.help.export"))
    kinds = p.add_subparsers(dest="kind", metavar=t("cli.metavar.kind"), required=True)
    json_p = kinds.add_parser("json", help=t("cli.help.export_json"))
    json_p.add_argument("file", nargs="?", type=Path, metavar=t("cli.metavar.file"), help=t("cli.help.export_json_file"))
    add_common(json_p, top=False)
    json_p.set_defaults(handler=run_json)
    _register_ics(kinds)
    _register_csv(kinds)
    add_common(p, top=False)


def _register_ics(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = kinds.add_parser("ics", help=t("cli.help.export_ics"))
    p.add_argument("file", type=Path, metavar=t("cli.metavar.file"), help=t("cli.help.export_ics_file"))
    p.add_argument("--from", dest="start", metavar=t("cli.metavar.day"), help=t("cli.help.export_ics_from"))
    p.add_argument("--to", dest="end", metavar=t("cli.metavar.day"), help=t("cli.help.export_ics_to"))
    p.add_argument("--include-cancelled", action="store_true",
                   help=t("cli.help.export_ics_cancelled"))
    add_common(p, top=False)
    p.set_defaults(handler=run_ics)


def _register_csv(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = kinds.add_parser("csv", help=t("cli.help.export_csv"))
    tables = p.add_subparsers(dest="table", metavar=t("cli.metavar.table"), required=True)
    for name, help_text in (("caseload", t("cli.help.export_csv_caseload")),
                            ("deadlines", t("cli.help.export_csv_deadlines"))):
        tp = tables.add_parser(name, help=help_text)
        tp.add_argument("file", type=Path, metavar=t("cli.metavar.file"), help=t("cli.help.export_csv_file"))
        tp.add_argument("--full-cpr", action="store_true", help=t("cli.help.full_cpr_csv"))
        add_common(tp, top=False)
        tp.set_defaults(handler=run_csv)
    add_common(p, top=False)


def _save(store, action: str, path: Path, data: bytes) -> None:  # type: ignore[no-untyped-def]
    """Logged before the write: an audit trail may name an export that then failed, but must
    never miss one that happened. Our own message for a bad path rather than the generic
    OSError one, which names the temporary file and suggests --db."""
    store.log_access(action, file=str(path.absolute()))
    try:
        write_private(path, data)
    except OSError as exc:
        raise UsageError(t("exports.cannot_write", file=str(path), reason=exc.strerror or str(exc))) from None


def run_json(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.portable import export_json
    from tui.cli.output import err

    store = ctx.open_store()
    try:
        # Only the caseload of the caseworker the store acts for: in team mode another
        # caseworker's citizens never leave through an export.
        text = export_json(store.engine, caseworker=store.caseworker)
        if args.file is None or str(args.file) == "-":
            store.log_access("export_json", file="<stdout>")
            sys.stdout.write(text)
            return 0
        _save(store, "export_json", args.file, text.encode("utf-8"))
    finally:
        store.close()
    err.print(t("cli.export.done", file=str(args.file)), markup=False)
    return 0


def run_ics(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from tui.cli.output import err
    from tui.config import load_config

    try:
        from store.exports.ics import default_range, meetings_ics
    except ModuleNotFoundError as exc:
        if exc.name != "icalendar":
            raise
        raise UsageError(t("exports.ics.missing_library")) from None
    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    store = ctx.open_store()
    try:
        default_start, default_end = default_range(store.today())
        start, end = start or default_start, end or default_end
        if start > end:
            raise UsageError(t("exports.ics.bad_range", start=start.isoformat(), end=end.isoformat()))
        data, count = meetings_ics(
            store.engine, start=start, end=end, label=t, caseworker=store.caseworker,
            full_names=load_config().calendar_full_names, include_cancelled=args.include_cancelled,
        )
        _save(store, "export_ics", args.file, data)
    finally:
        store.close()
    err.print(t("exports.ics.done", count=count, file=str(args.file), start=start.isoformat(), end=end.isoformat()),
              markup=False)
    return 0


def run_csv(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.exports import caseload_csv, deadlines_csv
    from tui.cli.output import err

    build = caseload_csv if args.table == "caseload" else deadlines_csv
    store = ctx.open_store()
    try:
        data, rows = build(store, label=t, full_cpr=args.full_cpr)
        _save(store, "export_csv", args.file, data)
    finally:
        store.close()
    err.print(t("exports.csv.done", count=rows, file=str(args.file)), markup=False)
    if not args.full_cpr:
        err.print(t("exports.csv.cpr_masked"), markup=False)
    return 0
