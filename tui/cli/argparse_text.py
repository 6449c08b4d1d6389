"""argparse's own words ("usage:", "error:", "the following arguments are required", "invalid
choice") from the catalog, in the user's language.

argparse looks each of its texts up through gettext, by calling the module-level names
`argparse._` and `argparse.ngettext` at the moment it needs the text. Pointing those two names at
the catalog while our parser is built and run is the smallest hook that covers every argparse
text without copying any of argparse's methods. Texts without a key here go to gettext as
before, and the names are put back afterwards, so no other argparse user in the process
(pytest's own) is affected."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tui.i18n import t

# argparse's message id -> our catalog key. The catalog's texts keep argparse's %-placeholders,
# which argparse fills in itself.
KEYS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positional",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "the following arguments are required: %s": "cli.argparse.required",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "expected one argument": "cli.argparse.expected_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
}
PLURALS = {"expected %s argument": "cli.argparse.expected_n"}


def translate(message: str) -> str:
    key = KEYS.get(message)
    return t(key) if key else _ORIGINAL[0](message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    key = PLURALS.get(singular)
    return t(key) if key else _ORIGINAL[1](singular, plural, n)


_ORIGINAL: tuple[Callable[[str], str], Callable[[str, str, int], str]] = (
    argparse._, argparse.ngettext,  # type: ignore[attr-defined]
)


@contextmanager
def catalog_words() -> Iterator[None]:
    saved = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
