"""The message catalog: `messages/*.toml`, one file per area, each with a `[da]` and an `[en]`
table of dotted keys (a file's keys are namespaced inside it, e.g. `[da.cli.deadlines]`). A key missing in English falls back to Danish and then to the key
itself, so a forgotten translation shows up on screen instead of crashing it."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any



MESSAGES = Path(__file__).resolve().parent / "messages"
LANGUAGES = ("da", "en")
_state = {"lang": "da"}


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
def _catalog(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(MESSAGES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        _flatten("", data.get(lang, {}), merged)
    return merged


def has(key: str, lang: str | None = None) -> bool:
    return key in _catalog(lang or current_language())


def t(key: str, /, **params: object) -> str:
    """Look up `key` ("cli.deadlines.title") and fill `{name}` placeholders with str.format.

    Parameters are user data at times (a citizen's name): they are substituted as plain text,
    and callers render the result without markup."""
    lang = current_language()
    text = _catalog(lang).get(key) or _catalog("da").get(key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
