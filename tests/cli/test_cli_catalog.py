"""The catalog side of the command line: every problem code the importers raise has a sentence
in both languages, argparse's words are ours only while our parser runs, and the language is
chosen before the parser is built."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from store.importers.problem import Problem

ROOT = Path(__file__).resolve().parents[2]
# Codes built at run time rather than written as a literal after `Problem(`.
DYNAMIC = {"cpr_reason_format", "cpr_reason_date", "cpr_reason_empty", "csv_not_utf8_one", "csv_not_utf8_more",
           "json_index_span", "json_index_none"}


def _codes() -> set[str]:
    found = set(DYNAMIC)
    for folder in ("store/importers", "store/portable"):
        for path in (ROOT / folder).glob("*.py"):
            found |= set(re.findall(r'Problem\(\s*"([a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_import_problem_has_a_sentence(lang: str) -> None:
    from tui.i18n.catalog import has

    codes = _codes()
    assert len(codes) > 60
    missing = sorted(code for code in codes if not has(f"import_problem.{code}", lang))
    assert missing == []


def test_a_nested_problem_is_said_in_the_language_and_masked() -> None:
    from store.importers.errors import ImportRefused
    from tui.i18n import set_language
    from tui.problems import refusal

    reason = Problem("json_cpr_twice", "0101901235 is also citizens[0]", cpr="0101901235", other=0)
    exc = ImportRefused([Problem("json_at", f"citizens[2].cpr: {reason}", path="citizens[2].cpr", reason=reason)])
    assert "0101901235" not in str(exc)
    set_language("da")
    text = refusal(exc)
    assert "citizens[2].cpr: 010190-XXXX står også i citizens[0]" in text
    assert "0101901235" not in text


def test_argparse_words_are_ours_only_while_our_parser_runs(run_cli) -> None:  # type: ignore[no-untyped-def]
    before = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        run_cli("--lang", "da", "frobnicate")
    assert (argparse._, argparse.ngettext) == before  # type: ignore[attr-defined]
    other = argparse.ArgumentParser(prog="other")
    assert other.format_usage().startswith("usage: ")


@pytest.mark.parametrize(("argv", "lang"), [
    (["--lang", "en", "deadlines"], "en"),
    (["deadlines", "--lang=en"], "en"),
    (["deadlines", "--lang", "fr"], "da"),  # refused by argparse, in the default language
    (["deadlines", "--lang"], "da"),
])
def test_the_language_is_chosen_before_parsing(argv: list[str], lang: str, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    from tui.cli.main import choose_language
    from tui.i18n import current_language

    monkeypatch.setenv("SAGSDAG_CONFIG", str(tmp_path / "none.toml"))  # no config of the machine's user
    assert choose_language(argv) == lang
    assert current_language() == lang


def test_whole_number_is_said_in_danish(run_cli, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        run_cli("demo", "--citizens", "mange", "--lang", "da")
    assert info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "brug: sagsdag demo" in err
    assert "sagsdag demo: fejl: --citizens: 'mange' er ikke et helt tal" in err


@pytest.mark.parametrize(("error", "danish"), [
    ("invalid", "En samtale i fremtiden kan ikke være afholdt"),
    ("not_found", "Der findes ingen citizen med id 7"),
    ("unreachable", "Databasen pg kan ikke åbnes"),
    ("permission", "ingen adgang til /x"),
])
def test_store_and_system_errors_are_said_in_danish(error: str, danish: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from store.errors import Invalid, NotFound, Unreachable
    from tui.cli.context import run

    raised = {
        "invalid": Invalid("start", "a meeting in the future cannot be marked held", "meeting.future_held"),
        "not_found": NotFound("citizen", 7),
        "unreachable": Unreachable("pg", "refused"),
        "permission": PermissionError(13, "Permission denied", "/x"),
    }[error]

    def handler(ctx, args):  # type: ignore[no-untyped-def]
        raise raised

    args = argparse.Namespace(lang="da", db=str(tmp_path / "x.db"), today="2026-11-23", caseworker=None,
                              read_only=False, command="agenda", handler=handler)
    assert run(args, argparse.ArgumentParser()) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert danish in err
