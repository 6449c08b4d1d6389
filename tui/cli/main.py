"""Entry point of the `sagsdag` console script."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from tui.cli.options import UsageError, add_common


def build_parser() -> argparse.ArgumentParser:
    """Help texts come from the catalog, so the language must be chosen first (choose_language)."""
    from tui.cli import commands
    from tui.i18n import t

    parser = argparse.ArgumentParser(prog="sagsdag", description=t("cli.help.description"))
    add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar=t("cli.metavar.command"))
    for register in commands.registry():
        register(sub)
    _describe(parser)
    return parser


class _NotTheProgram(Exception):
    """The words are more than options for opening the program: the full parser decides."""


class _ProgramParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheProgram(message)


def parse(words: list[str]) -> tuple[argparse.Namespace, argparse.ArgumentParser]:
    """`sagsdag` with options only (the program itself, the common case) is parsed by a parser
    of the common options alone: building the full one imports every command's module (their
    tables, exports, rules), ~60 ms before the first frame (issue 15). Anything else — a
    command, help, a word it does not know — goes to the full parser, which answers exactly as
    before, errors and help included."""
    light = _ProgramParser(prog="sagsdag", add_help=False)
    add_common(light, top=True)
    light.set_defaults(command=None)
    try:
        return light.parse_args(words), light
    except _NotTheProgram:
        parser = build_parser()
        return parser.parse_args(words), parser


def _describe(parser: argparse.ArgumentParser) -> None:
    """`sagsdag import --help` opens with the line `sagsdag --help` lists it by."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for listed in action._choices_actions:
                child = action.choices[listed.dest]
                child.description = child.description or listed.help
                _describe(child)


def choose_language(argv: Sequence[str]) -> str:
    """The language before argparse runs, so its help and errors are in it too: --lang as typed
    (anywhere on the line, as argparse takes it), else the config's, else Danish. A wrong
    --lang is left for argparse to refuse, in the config's language."""
    from tui.i18n import available, set_language

    lang = None
    for i, word in enumerate(argv):
        value = word.partition("=")[2] if word.startswith("--lang=") else (
            argv[i + 1] if word == "--lang" and i + 1 < len(argv) else None)
        if value in available():
            lang = value
    if lang is None:
        try:
            from tui.config import load_config

            lang = load_config().language
        except Exception:  # a broken config is reported where it is used; here Danish will do
            lang = None
    lang = lang if lang in available() else "da"
    set_language(lang)
    return lang


def main(argv: Sequence[str] | None = None) -> int:
    from tui.compiled_once import install

    install()  # before Rich, Textual and the store create their classes (tui.compiled_once)
    from tui.cli.argparse_text import catalog_words

    words = list(sys.argv[1:] if argv is None else argv)
    choose_language(words)
    with catalog_words():
        args, parser = parse(words)
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
