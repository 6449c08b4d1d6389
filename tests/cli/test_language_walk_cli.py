"""The command line in both languages: every command's --help, argparse's own refusals, a
refused portable JSON import and refused CSV imports. Fails on a raw catalog key or on text
of the other language (the same checks as the screens' walk in tests/tui)."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from tests.tui.test_language_walk import check as screen_check

# argparse's own English, which no catalog sentence would catch.
ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "invalid choice",
                    "unrecognized arguments", "expected one argument", "are required", "common options",
                    "COMMAND", "KIND", "TABLE")
# Danish little words in an English sentence (no catalog holds a message built in code).
DANISH_WORDS = re.compile(r"\b(og|ikke|er|skal|filen|eller|på|til|med|brug|fejl|kolonne|række)\b")


def _file_words() -> set[str]:
    """Words of the files themselves (keys and values the JSON format names, and a typo the
    test's own CSV holds): quoted back to the person, never translated."""
    from store.portable import spec

    words = {"first_requets"}
    for entity in vars(spec).values():
        for field in getattr(entity, "fields", ()) if isinstance(entity, spec.Entity) else ():
            words.add(field.key)
            words.update(field.choices or ())
    return words


def check(text: str, lang: str, where: str) -> list[str]:
    allowed = {f"{where}: raw key {word!r}" for word in _file_words()}
    problems = [p for p in screen_check(text, lang, where) if p not in allowed]
    if lang == "da":
        problems += [f"{where}: argparse's {s!r}" for s in ARGPARSE_ENGLISH if s in text]
    else:
        problems += [f"{where}: Danish {line.strip()!r}" for line in text.splitlines() if DANISH_WORDS.search(line)]
    return problems


def _commands() -> list[tuple[str, ...]]:
    """Every command and subcommand of the parser, as the words that reach it."""
    from tui.cli.main import build_parser

    found: list[tuple[str, ...]] = [()]

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.append((*words, name))
                    walk(child, (*words, name))

    walk(build_parser(), ())
    return found


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], tmp_path: Path):  # type: ignore[no-untyped-def]
    from tui.cli.main import main

    def go(*args: str) -> tuple[int, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:  # --help and argparse's refusals exit
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return code, (captured.out + captured.err).replace(str(tmp_path), "DIR")

    return go


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_help_speaks_one_language(run, lang: str) -> None:  # type: ignore[no-untyped-def]
    found: list[str] = []
    commands = _commands()
    assert len(commands) > 15
    for words in commands:
        code, text = run("--lang", lang, *words, "--help")
        assert code == 0, (words, text)
        assert text.strip(), words
        found += check(text, lang, " ".join(words) or "sagsdag")
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_argparse_refusals_speak_one_language(run, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    found: list[str] = []
    for args in (("frobnicate",), ("import",), ("import", "caseload"), ("deadlines", "--bogus"),
                 ("demo", "--citizens"), ("deadlines", "--lang", "fr"), ("demo", "--citizens", "many")):
        code, text = run("--lang", lang, *args)
        assert code == 2, (args, text)
        found += check(text, lang, " ".join(args))
    # The language also comes from after the command.
    code, text = run("deadlines", "--bogus", "--lang", lang)
    found += check(text, lang, "deadlines --bogus (lang after)")
    assert found == [], "\n".join(found)


def _portable_refusals(tmp_path: Path) -> list[Path]:
    from store.portable import FORMAT, VERSION

    docs = {
        "not_json.json": "{ this is not json",
        "other.json": json.dumps({"format": "something-else"}),
        "newer.json": json.dumps({"format": FORMAT, "version": VERSION + 5}),
        "fields.json": json.dumps({
            "format": FORMAT, "version": VERSION, "extra": 1, "suppliers": "none",
            "citizens": [
                {"cpr": "010190-1235", "nmae": "Anna", "first_request": "2026-02-31", "phone": 5},
                {"cpr": "999999-9999", "name": "", "first_request": "2030-01-01"},
                {"cpr": "010190-1235", "name": "Bo", "first_request": "2026-01-05", "meetings": [
                    {"start": "tomorrow", "status": "maybe", "course": 7}]},
                "Carl",
            ],
        }),
    }
    paths = []
    for name, text in docs.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    empty = tmp_path / "empty.json"
    empty.write_text("  ", encoding="utf-8")
    return [*paths, empty]


def _csv_refusals(tmp_path: Path) -> list[Path]:
    files = {
        "header.csv": "cpr;navn;phone;phone;email;first_requets\n010190-1235;Anna;;;;2026-01-05\n",
        "cells.csv": "cpr,name,phone,email,first_request,last_meeting,interval\n010190-1235,Anna\n",
        "empty.csv": "",
        "only_header.csv": "cpr,name,phone,email,first_request,last_meeting,interval\n",
    }
    paths = []
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    wide = tmp_path / "utf16.csv"
    wide.write_text("cpr,name\n", encoding="utf-16")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("cpr,name,phone,email,first_request,last_meeting,interval\n"
                      "010190-1235,Søren,,,2026-01-05,,6w\n".encode("latin-1"))
    return [*paths, wide, latin]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_refused_imports_speak_one_language(run, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    common = ("--db", str(tmp_path / "walk.db"), "--today", "2026-11-23", "--lang", lang)
    found: list[str] = []
    for path in _portable_refusals(tmp_path):
        code, text = run("import", "json", str(path), *common)
        assert code != 0 and text.strip(), (path.name, text)
        assert not re.search(r"\d{6}-?\d{4}", text), text  # CPR numbers stay masked
        found += check(text, lang, f"import json {path.name}")
    for path in _csv_refusals(tmp_path):
        code, text = run("import", "caseload", str(path), *common)
        assert code != 0 and text.strip(), (path.name, text)
        found += check(text, lang, f"import caseload {path.name}")
    assert found == [], "\n".join(found)


def test_portable_refusal_says_where_and_what_in_danish(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _portable_refusals(tmp_path)[3]
    _code, text = run("import", "json", str(path), "--db", str(tmp_path / "w.db"), "--today", "2026-11-23")
    text = " ".join(text.split())  # the terminal wraps long lines
    assert "Intet blev importeret" in text
    assert 'citizens[0].first_request: "2026-02-31" er ikke en dato' in text, text
    assert 'ukendt nøgle "nmae" (mente du name?)' in text, text
    assert "010190-XXXX står også i citizens[0]" in text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_import_with_warnings_speaks_one_language(run, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A portable file whose CPR numbers fail modulus 11 and whose supplier is already known:
    imported, with a warning per line, in the chosen language and masked."""
    day = ("--today", "2026-11-23", "--lang", lang)
    source, target = str(tmp_path / "source.db"), str(tmp_path / "target.db")
    assert run("demo", "--citizens", "4", "--db", source, *day)[0] == 0
    exported = tmp_path / "ex.json"
    assert run("export", "json", str(exported), "--db", source, *day)[0] == 0
    doc = json.loads(exported.read_text(encoding="utf-8"))
    for i, citizen in enumerate(doc["citizens"]):
        citizen["cpr"] = f"0101{90 + i}-12{30 + i}"  # fails the modulus-11 check
    assert doc["suppliers"], "the demo has suppliers"
    assert run("import", "json", str(exported), "--db", target, *day)[0] == 0  # the suppliers now known
    doc["suppliers"][0]["phone"] = "99 99 99 99"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(doc), encoding="utf-8")
    code, text = run("import", "json", str(changed), "--db", str(tmp_path / "third.db"), *day)
    assert code == 0, text
    assert not re.search(r"\d{6}-?\d{4}", text), text
    # Into the target database the supplier is known with other details: a warning.
    for citizen in doc["citizens"]:
        citizen["cpr"] = citizen["cpr"].replace("-12", "-13")
    changed.write_text(json.dumps(doc), encoding="utf-8")
    code, more = run("import", "json", str(changed), "--db", target, *day)
    assert code == 0, more
    flat = " ".join((text + more).split())
    assert ("modulus 11-kontrollen" if lang == "da" else "modulus-11 check") in flat
    assert ("fandtes allerede i databasen" if lang == "da" else "was already in the database") in flat
    assert check(text + more, lang, "import json with warnings") == []
