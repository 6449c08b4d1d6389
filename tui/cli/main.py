"""Entry point of the `sagsdag` console script."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tui.cli.options import UsageError, add_common


def build_parser() -> argparse.ArgumentParser:
    from tui.cli import commands

    parser = argparse.ArgumentParser(
        prog="sagsdag",
        description="Sagsdag: a jobcentre caseworker's day in the terminal. "
        "Without a command it opens the program.",
    )
    add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in commands.REGISTRY:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from tui.cli.context import run

    try:
        return run(args, parser)
    except UsageError as exc:
        from tui.cli.output import fail

        return fail(str(exc))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
