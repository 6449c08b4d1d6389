"""Options every command takes: --db, --today, --lang, --caseworker."""

from __future__ import annotations

from tui.i18n import t

import argparse
from datetime import date, datetime


class UsageError(Exception):
    """Bad command-line input; the message says what is wrong and how to write it."""


def parse_day(text: str, option: str = "--today") -> date:
    day = text.strip()
    if len(day) == 10 and day[4] == day[7] == "-" and (digits := day[:4] + day[5:7] + day[8:]).isascii() and digits.isdigit():
        # What strptime's %Y-%m-%d reads, without importing _strptime (its locale and patterns:
        # ~2 ms before the first frame, issue 15). A day that does not exist goes on below.
        try:
            return date.fromisoformat(day)
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UsageError(t("cli.usage.not_a_date", option=option, text=repr(text)))


def whole_number(text: str) -> int:
    """argparse's `type=int` says "invalid int value"; this says it in the user's words."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.usage.not_whole_number", text=repr(text))) from None


def add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """On subcommands the defaults are suppressed, so `sagsdag --db X deadlines` and
    `sagsdag deadlines --db X` both work and neither overwrites the other."""
    default = None if top else argparse.SUPPRESS
    group = parser.add_argument_group(t("cli.help.common_options"))
    group.add_argument("--db", metavar=t("cli.metavar.path_url"), default=default,
                       help=t("cli.help.db"))
    group.add_argument("--today", metavar=t("cli.metavar.day"), default=default,
                       help=t("cli.help.today"))
    group.add_argument("--lang", choices=("da", "en"), default=default, help=t("cli.help.lang"))
    group.add_argument("--caseworker", metavar=t("cli.metavar.name"), default=default,
                       help=t("cli.help.caseworker"))
    group.add_argument("--read-only", action="store_true", default=False if top else argparse.SUPPRESS,
                       help=t("cli.help.read_only"))
