"""Options every command takes: --db, --today, --lang, --caseworker."""

from __future__ import annotations

from tui.i18n import t

import argparse
from datetime import date, datetime


class UsageError(Exception):
    """Bad command-line input; the message says what is wrong and how to write it."""


def parse_day(text: str, option: str = "--today") -> date:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UsageError(t("cli.usage.not_a_date", option=option, text=repr(text)))


def add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """On subcommands the defaults are suppressed, so `sagsdag --db X deadlines` and
    `sagsdag deadlines --db X` both work and neither overwrites the other."""
    default = None if top else argparse.SUPPRESS
    group = parser.add_argument_group("common options")
    group.add_argument("--db", metavar="PATH|URL", default=default,
                       help="database file or SQLAlchemy URL (default: the file in your data directory)")
    group.add_argument("--today", metavar="YYYY-MM-DD", default=default,
                       help="behave as if this were today")
    group.add_argument("--lang", choices=("da", "en"), default=default, help="language (default da)")
    group.add_argument("--caseworker", metavar="NAME", default=default,
                       help="show only this caseworker's caseload (team databases)")
    group.add_argument("--read-only", action="store_true", default=False if top else argparse.SUPPRESS,
                       help="open without changing anything (a team leader looking at a caseload)")
