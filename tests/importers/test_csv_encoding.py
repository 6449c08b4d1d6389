"""A file in another encoding is named for what it is: a UTF-16 file (Excel's "Unicode text")
is not blamed on Windows-1252."""

from __future__ import annotations

import codecs

import pytest

from store.importers.csv_table import decode
from store.importers.errors import ErrorList

TEXT = "cpr,name,phone,email,first_request,last_meeting,interval\n010190-1234,Søren Ærø,,,2026-01-05,,\n"


@pytest.mark.parametrize("data, named", [
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16"),
    (TEXT.encode("utf-16-le"), "UTF-16"),  # no byte-order mark, still unmistakable
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "UTF-32"),
], ids=["utf16-le-bom", "utf16-be-bom", "utf16-le-no-bom", "utf32-le-bom"])
def test_utf16_and_utf32_are_named(data: bytes, named: str) -> None:
    errors = ErrorList()
    assert decode(data, errors) is None
    message = " ".join(errors.items)
    assert named in message, message
    assert "Windows-1252" not in message
    assert "UTF-8" in message  # and what to do: save as UTF-8


def test_windows_1252_is_still_named_as_before() -> None:
    errors = ErrorList()
    assert decode(TEXT.encode("cp1252"), errors) is None
    assert "Windows-1252" in " ".join(errors.items)
