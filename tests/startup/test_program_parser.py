"""Opening the program parses its options without the full command parser (tui.cli.main
`parse`, issue 15); whatever else is on the line gets the full parser's answer, as before."""

from __future__ import annotations

import pytest

from tui.cli.argparse_text import catalog_words
from tui.cli.main import build_parser, parse


@pytest.mark.parametrize("words", [
    [], ["--db", "x.db"], ["--today", "2026-11-23", "--lang", "en"], ["--read-only", "--caseworker", "kmj"],
    ["--db=x.db", "--read-only"],
])
def test_options_alone_parse_as_the_full_parser_does(words: list[str]) -> None:
    with catalog_words():
        args, parser = parse(words)
        full = build_parser().parse_args(words)
    assert vars(args) == vars(full)
    assert parser.prog == "sagsdag"


@pytest.mark.parametrize("words", [["deadlines", "--json"], ["--db", "x.db", "due"], ["agenda"]])
def test_a_command_gets_the_full_parser(words: list[str]) -> None:
    with catalog_words():
        args, _parser = parse(words)
        full = build_parser().parse_args(words)
    assert vars(args).keys() == vars(full).keys() and args.command == full.command is not None


@pytest.mark.parametrize("words", [["--help"], ["-h"], ["--bogus"], ["frobnicate"], ["--lang"], ["--lang", "xx"]])
def test_help_and_mistakes_are_the_full_parsers(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with catalog_words():
        with pytest.raises(SystemExit) as ours:
            parse(words)
        said = capsys.readouterr()
        with pytest.raises(SystemExit) as full:
            build_parser().parse_args(words)
    assert ours.value.code == full.value.code
    assert said == capsys.readouterr()
