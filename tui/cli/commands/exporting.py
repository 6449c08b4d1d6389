"""`sagsdag export json [FILE]`: the portable format, to a file or to standard output."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.cli.options import add_common
from tui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export the database")
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    json_p = kinds.add_parser("json", help="every entity in the portable, versioned JSON format")
    json_p.add_argument("file", nargs="?", type=Path, metavar="FILE", help="where to write (default: standard output)")
    add_common(json_p, top=False)
    json_p.set_defaults(handler=run_json)
    add_common(p, top=False)


def write_private(path: Path, data: bytes) -> None:
    """Exports hold CPR numbers: written 0600, atomically, never half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def run_json(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.portable import export_json
    from tui.cli.output import err

    store = ctx.open_store()
    try:
        text = export_json(store.engine)
    finally:
        store.close()
    if args.file is None or str(args.file) == "-":
        sys.stdout.write(text)
        return 0
    write_private(args.file, text.encode("utf-8"))
    err.print(t("cli.export.done", file=str(args.file)), markup=False)
    return 0
