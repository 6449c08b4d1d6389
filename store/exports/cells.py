"""Cells of a Danish spreadsheet: dates as Danish Excel reads them, CPR masked unless asked,
and text that cannot be mistaken for a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from store.importers.errors import mask_cpr

# Excel, LibreOffice and Google Sheets treat a cell starting with one of these as a formula
# (or, for tab and CR, strip them and look again): a citizen named "=HYPERLINK(...)" must stay
# a name. OWASP's advice: prefix an apostrophe, which the programs show as nothing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text(value: str | None) -> str:
    """Only free text goes through this; numbers we format ourselves (a negative "days left")
    are left alone so they stay numbers in the sheet."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%d-%m-%Y")


def number(value: int | None) -> str:
    return "" if value is None else str(value)


def cpr(value: str, *, full: bool) -> str:
    return text(value) if full else mask_cpr(value)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Semicolons, CRLF and a BOM: what Danish Excel opens with a double-click, æøå intact,
    without an import dialog."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([text(h) for h in header])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
