"""One way to compare names regardless of case and accents: `fold("Ågaard") == fold("ågaard")
== "agaard"`. The folded name is stored beside the name (citizen.name_folded) and the search
text is folded the same way, so the filter is one indexed LIKE in SQL on SQLite and
PostgreSQL alike, with no database-specific collation or extension."""

from __future__ import annotations

import unicodedata

# Letters that carry no combining mark to strip but are read as a plain letter in a search.
_PLAIN = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ı": "i", "þ": "th", "ð": "d"})


def fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_PLAIN)
