from __future__ import annotations

from datetime import date

import pytest

from store.parse import ParseError

TODAY = date(2026, 11, 23)  # a Monday, ISO week 48


def refused(parse, text: str, code: str) -> ParseError:  # type: ignore[no-untyped-def]
    """Every refusal must say what is wrong and show something that would work."""
    with pytest.raises(ParseError) as info:
        parse(text)
    error = info.value
    assert error.code == code, (text, error.code, error.message)
    assert error.message and error.example
    assert str(error) == f"{error.message} (for example: {error.example})"
    assert isinstance(error.params, dict)
    return error
