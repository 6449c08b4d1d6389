"""Phone numbers: Danish eight digits, grouped in pairs as Danes write them; foreign numbers
kept as typed, because their grouping rules differ by country."""

from __future__ import annotations

from store.parse._text import ascii_re, shown
from store.parse.errors import ParseError

_DANISH = ascii_re(r"^(\+45|0045)?(\d{8})$")
_FOREIGN = ascii_re(r"^\+[\d -]+$")
MIN_FOREIGN, MAX_FOREIGN = 7, 15  # digits, country code included (ITU E.164 allows 15)

EXAMPLE = "12 34 56 78"


def parse_phone(text: str) -> str:
    """"12345678" -> "12 34 56 78", "+4512345678" -> "+45 12 34 56 78". Raises ParseError."""
    stripped = text.strip() if isinstance(text, str) else ""
    if not stripped:
        raise ParseError("phone.empty", "No phone number was given.", EXAMPLE)
    compact = "".join(stripped.split()).replace("-", "")
    if found := _DANISH.match(compact):
        prefix, number = found.groups()
        pairs = " ".join(number[i:i + 2] for i in range(0, 8, 2))
        return f"+45 {pairs}" if prefix else pairs
    if not compact.startswith(("+45", "0045")) and _FOREIGN.match(stripped):
        digits = sum(ch.isdigit() for ch in compact)
        if MIN_FOREIGN <= digits <= MAX_FOREIGN:
            return stripped
    raise ParseError(
        "phone.invalid",
        f"{shown(text)} is not a phone number: a Danish number has 8 digits, "
        f"a foreign one starts with + and has {MIN_FOREIGN}-{MAX_FOREIGN} digits.",
        EXAMPLE,
        text=text,
    )
