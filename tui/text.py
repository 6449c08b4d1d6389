"""User text on screen: exactly what was typed, but never as markup and never as raw control
codes. A note may hold `[bold]`, an ESC sequence or a right-to-left override; the terminal must
show those characters, not obey them."""

from __future__ import annotations

from rich.text import Text

# Bidi embeddings, overrides and isolates reorder the rest of the line on screen.
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C}


def _picture(code: int) -> str:
    if code == 0x7F:
        return "\u2421"
    if code < 0x20:
        # Control Pictures block: ESC shows as \u241b, NUL as \u2400.
        return chr(0x2400 + code)
    return f"<U+{code:04X}>"


_TABLE = {code: _picture(code) for code in (*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI)}
_TABLE[ord("\t")] = " "
_ONE_LINE = dict(_TABLE)
_MULTI_LINE = {**_TABLE, ord("\n"): "\n"}


def clean(value: object, *, limit: int | None = None, one_line: bool = True) -> str:
    """Display form of user text. The stored text is never changed; only what is drawn."""
    text = "" if value is None else str(value)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "\u2026"
    text = text.translate(_ONE_LINE if one_line else _MULTI_LINE)
    # Lone surrogates (from damaged input) cannot be encoded for the terminal.
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def plain(value: object, *, limit: int | None = 200, style: str = "", one_line: bool = True) -> Text:
    """A Rich Text that renders user text literally (no markup is parsed)."""
    return Text(clean(value, limit=limit, one_line=one_line), style=style, no_wrap=one_line, end="")
