"""Shared helpers for reading typed text."""

from __future__ import annotations

import re


def clean(text: object) -> str:
    """Lower case, surrounding and repeated whitespace gone. Non-text reads as empty, so a
    caller passing None gets the ordinary "empty" refusal rather than a TypeError."""
    if not isinstance(text, str):
        return ""
    return " ".join(text.split()).lower()


def shown(text: object, limit: int = 40) -> str:
    """The user's value inside a message: quoted, shortened, control characters visible."""
    value = text if isinstance(text, str) else repr(text)
    value = value.strip()
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    value = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in value)
    return f'"{value}"'


def ascii_re(pattern: str) -> re.Pattern[str]:
    """`\\d` only for 0-9: int() would otherwise accept Arabic-Indic and other digits."""
    return re.compile(pattern, re.ASCII)
