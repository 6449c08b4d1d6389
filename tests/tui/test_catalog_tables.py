"""The catalog parses only the tables a looked-up key could live in (issue 15: every file was
parsed before the first frame, ~22 ms per language, and English parsed them all again)."""

from __future__ import annotations

import tomllib

import pytest

from tui.i18n import catalog


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Empty caches, and the length of every text handed to the TOML parser."""
    parsed: list[int] = []
    real = tomllib.loads

    def counting(text: str) -> dict[str, object]:
        parsed.append(len(text))
        return real(text)

    monkeypatch.setattr(catalog.tomllib, "loads", counting)
    monkeypatch.setattr(catalog, "_kept", lambda name: None)  # parsed here, not read from tui.compiled_once
    for cached in (catalog._sections, catalog._tables, catalog._parsed, catalog._lookup, catalog._catalog):
        cached.cache_clear()
    yield parsed
    for cached in (catalog._sections, catalog._tables, catalog._parsed, catalog._lookup, catalog._catalog):
        cached.cache_clear()


def _whole(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(catalog.MESSAGES.glob("*.toml")):
        catalog._flatten("", tomllib.loads(path.read_text(encoding="utf-8")).get(lang, {}), merged)
    return merged


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_tables_parsed_apart_say_what_the_files_parsed_whole_say(lang: str) -> None:
    whole = _whole(lang)
    assert catalog._catalog(lang) == whole
    assert {key: catalog._lookup(lang, key) for key in whole} == whole


def test_a_lookup_parses_only_the_tables_that_could_hold_its_key(fresh: list[int]) -> None:
    total = sum(len(p.read_text(encoding="utf-8")) for p in catalog.MESSAGES.glob("*.toml"))
    assert catalog.t("pane.caseload") == "Sagsstamme"
    assert catalog.t("key.quit")  # the binding descriptions, spread over several files
    assert 0 < sum(fresh) < total / 10


def test_each_table_is_parsed_once_for_both_languages(fresh: list[int]) -> None:
    total = sum(len(p.read_text(encoding="utf-8")) for p in catalog.MESSAGES.glob("*.toml"))
    catalog._catalog("da")
    catalog._catalog("en")
    assert sum(fresh) <= total


def test_a_key_nowhere_is_itself_and_not_had(fresh: list[int]) -> None:
    assert catalog.t("no.such.key") == "no.such.key"
    assert not catalog.has("no.such.key")
