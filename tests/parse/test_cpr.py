from __future__ import annotations

from datetime import date

import pytest

from store.parse import mask_cpr, parse_cpr
from tests.parse.helpers import refused

VALID = "070761-4285"  # passes modulus 11


@pytest.mark.parametrize("text", ["070761-4285", "0707614285", " 070761 4285 ", "07 07 61 - 42 85"])
def test_the_spellings_of_a_cpr_are_normalised(text: str) -> None:
    result = parse_cpr(text)
    assert result.cpr == VALID
    assert result.birth_date == date(1961, 7, 7)
    assert result.modulus11_ok and result.warnings == ()


@pytest.mark.parametrize("text, born", [
    ("010100-3000", date(1900, 1, 1)),  # 7th digit 0-3: 1900s
    ("010199-3000", date(1999, 1, 1)),
    ("010136-4000", date(2036, 1, 1)),  # 4 and 9: 2000s up to 36
    ("010137-4000", date(1937, 1, 1)),
    ("010136-9000", date(2036, 1, 1)),
    ("010137-9000", date(1937, 1, 1)),
    ("010157-5000", date(2057, 1, 1)),  # 5-8: 2000s up to 57, else 1800s
    ("010158-8000", date(1858, 1, 1)),
    ("290200-4000", date(2000, 2, 29)),
])
def test_the_century_follows_the_seventh_digit(text: str, born: date) -> None:
    assert parse_cpr(text).birth_date == born


def test_a_failed_check_digit_is_a_warning_not_a_refusal() -> None:
    result = parse_cpr("010190-1234")
    assert result.cpr == "010190-1234"
    assert not result.modulus11_ok
    assert len(result.warnings) == 1 and "modulus-11" in result.warnings[0]


@pytest.mark.parametrize("text, code", [
    ("", "cpr.empty"),
    ("12", "cpr.format"),
    ("01019012345", "cpr.format"),
    ("010190-123", "cpr.format"),
    ("0101901-234", "cpr.format"),
    ("010190-12a4", "cpr.format"),
    ("010190--1234", "cpr.format"),
    ("320190-1234", "cpr.date"),
    ("011390-1234", "cpr.date"),
    ("290201-1234", "cpr.date"),  # 1901 was no leap year
])
def test_malformed_cprs_are_refused_without_echoing_them(text: str, code: str) -> None:
    error = refused(parse_cpr, text, code)
    assert text.strip() == "" or text not in error.message


@pytest.mark.parametrize("text, masked", [
    ("010190-1234", "010190-XXXX"),
    ("0101901234", "010190-XXXX"),
    (" 010190 1234 ", "010190-XXXX"),
    ("CPR 010190-1234 ok", "CPR 010190-XXXX ok"),
    ("01019012", "010190-XXXX"),
    ("0101901234567", "010190-XXXX"),
    ("12345", "12345"),
    ("abc", "abc"),
    ("", ""),
])
def test_masking_keeps_the_birth_date_only(text: str, masked: str) -> None:
    assert mask_cpr(text) == masked
