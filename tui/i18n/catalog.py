"""The message catalog: `messages/*.toml`, one file per area, each with a `[da]` and an `[en]`
table of dotted keys (a file's keys are namespaced inside it, e.g. `[da.cli.deadlines]`). A key missing in English falls back to Danish and then to the key
itself, so a forgotten translation shows up on screen instead of crashing it.

A table is parsed only when a key is looked up that it could hold: a key lives under a table
whose name is a prefix of it. Each file is cut at its table headers (a scan far cheaper than
parsing TOML) and each table parsed on its own: parsing every file took ~22 ms per language
before the first frame, and English parsed them all again (issue 15). Where two tables define a
key, the later one (file name order, then file order) wins, as when the files were merged in
that order; tests/tui/test_catalog_tables.py checks that the tables parsed apart say exactly
what the files parsed whole say."""

from __future__ import annotations

import hashlib
import marshal
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

MESSAGES = Path(__file__).resolve().parent / "messages"
LANGUAGES = ("da", "en")
_state = {"lang": "da"}
_HEADER = re.compile(r"^[ \t]*\[[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]", re.MULTILINE)


def available() -> tuple[str, ...]:
    return LANGUAGES


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose one of: {', '.join(LANGUAGES)}")
    _state["lang"] = lang


def current_language() -> str:
    return _state["lang"]


def _flatten(prefix: str, table: dict[str, Any], out: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            _flatten(name, value, out)
        else:
            out[name] = str(value)


@cache
def _sections() -> tuple[tuple[str | None, str], ...]:
    """Every table of every catalog file, in file name order and then file order: its name (None
    for what comes before a file's first header) and its text, itself a TOML document."""
    out: list[tuple[str | None, str]] = []
    for path in sorted(MESSAGES.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        for header, begin, end in _cut(text):
            out.append((header, text[begin:end]))
    return tuple(out)


def _cut(text: str) -> list[tuple[str | None, int, int]]:
    """Where a file's tables begin and end, and their names. Kept by the file's text with the
    program's compiled code (tui.compiled_once), as each table's parse is (`_parsed`): cutting
    and parsing the tables the first frame needs took ~5 ms of it (issue 15)."""
    name = "i18n.cut:" + hashlib.sha256(text.encode()).hexdigest()
    found = _kept(name)
    if isinstance(found, list):
        return [(header, begin, end) for header, begin, end in found]
    starts = [m.start() for m in _HEADER.finditer(text)]
    cut: list[tuple[str | None, int, int]] = [(None, 0, starts[0] if starts else len(text))]
    for begin, end in zip(starts, [*starts[1:], len(text)]):
        cut.append((_HEADER.match(text, begin).group(1), begin, end))  # type: ignore[union-attr]
    _keep(name, cut)
    return cut


@cache
def _parsed(index: int) -> dict[str, dict[str, str]]:
    """One table, flattened per language (parsed once for both)."""
    text = _sections()[index][1]
    name = "i18n.table:" + hashlib.sha256(text.encode()).hexdigest()
    found = _kept(name)
    if isinstance(found, dict):
        return found
    data = tomllib.loads(text)
    out: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        out[lang] = {}
        _flatten("", data.get(lang, {}), out[lang])
    _keep(name, out)
    return out


def _kept(name: str) -> Any:
    from tui import compiled_once

    blob = compiled_once.kept(name)
    if blob is None:
        return None
    try:
        return marshal.loads(blob)
    except (ValueError, EOFError, TypeError):
        return None


def _keep(name: str, value: Any) -> None:
    from tui import compiled_once

    if compiled_once.keeping():
        compiled_once.keep(name, marshal.dumps(value))


@cache
def _tables(lang: str) -> dict[str | None, tuple[int, ...]]:
    """The sections of one language by table name (`cli.help`; "" for the `[da]` table itself,
    None for what precedes a file's first header), each in catalog order."""
    out: dict[str | None, list[int]] = {}
    for index, (header, _) in enumerate(_sections()):
        if header is None or header == lang:
            out.setdefault(None if header is None else "", []).append(index)
        elif header.startswith(lang + "."):
            out.setdefault(header[len(lang) + 1:], []).append(index)
    return {name: tuple(indices) for name, indices in out.items()}


@cache
def _lookup(lang: str, key: str) -> str | None:
    """A key lives in a table whose name is a prefix of it (`cli.help.description` in
    `[da.cli.help]`, `[da.cli]` or `[da]`), or before any header."""
    tables = _tables(lang)
    parts = key.split(".")
    prefixes: list[str | None] = [None, "", *(".".join(parts[:n]) for n in range(1, len(parts) + 1))]
    found = None
    for index in sorted(i for name in prefixes for i in tables.get(name, ())):
        found = _parsed(index)[lang].get(key, found)
    return found


@cache
def _catalog(lang: str) -> dict[str, str]:
    """Every key of one language (the tests' and the invitation text's view)."""
    merged: dict[str, str] = {}
    for index in range(len(_sections())):
        merged.update(_parsed(index)[lang])
    return merged


def has(key: str, lang: str | None = None) -> bool:
    return _lookup(lang or current_language(), key) is not None


def t(key: str, /, **params: object) -> str:
    """Look up `key` ("cli.deadlines.title") and fill `{name}` placeholders with str.format.

    Parameters are user data at times (a citizen's name): they are substituted as plain text,
    and callers render the result without markup."""
    lang = current_language()
    text = _lookup(lang, key) or _lookup("da", key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
