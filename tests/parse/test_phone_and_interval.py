from __future__ import annotations

import pytest

from store.parse import parse_interval_text, parse_phone
from store.rules import Interval
from tests.parse.helpers import refused


@pytest.mark.parametrize("text, expected", [
    ("12345678", "12 34 56 78"),
    ("12 34 56 78", "12 34 56 78"),
    ("1234 5678", "12 34 56 78"),
    ("12-34-56-78", "12 34 56 78"),
    ("+4512345678", "+45 12 34 56 78"),
    ("+45 12 34 56 78", "+45 12 34 56 78"),
    ("0045 12345678", "+45 12 34 56 78"),
    (" +46 70 123 45 67 ", "+46 70 123 45 67"),  # foreign: kept as typed
    ("+1 212 555 0100", "+1 212 555 0100"),
])
def test_phone_numbers_are_read(text: str, expected: str) -> None:
    assert parse_phone(text) == expected


@pytest.mark.parametrize("text, code", [
    ("", "phone.empty"), ("  ", "phone.empty"),
    ("1234567", "phone.invalid"), ("123456789", "phone.invalid"),
    ("+45 1234567", "phone.invalid"), ("0045 123", "phone.invalid"),
    ("+12345", "phone.invalid"), ("+1234567890123456", "phone.invalid"),
    ("tlf 12345678", "phone.invalid"), ("12345678 ext", "phone.invalid"),
])
def test_unreadable_phone_numbers_are_refused(text: str, code: str) -> None:
    refused(parse_phone, text, code)


@pytest.mark.parametrize("text, expected", [
    ("3m", "3m"), ("3 mdr", "3m"), ("3 mdr.", "3m"), ("3 måneder", "3m"), ("1 måned", "1m"),
    ("6u", "6w"), ("6 uger", "6w"), ("6w", "6w"), ("6 W", "6w"), ("1 uge", "1w"),
    ("14d", "14d"), ("14 dage", "14d"), ("1 dag", "1d"),
    ("1 måned 2 uger", "1m2w"), ("2u1m", "1m2w"),
])
def test_intervals_get_the_canonical_spelling(text: str, expected: str) -> None:
    assert parse_interval_text(text) == expected
    assert str(Interval.parse(expected)) == expected


@pytest.mark.parametrize("text, code", [
    ("", "interval.empty"),
    ("3", "interval.unreadable"), ("m", "interval.unreadable"), ("3 år", "interval.unreadable"),
    ("tre måneder", "interval.unreadable"),
    ("0m", "interval.invalid"), ("300m", "interval.invalid"), ("1m 2m", "interval.invalid"),
])
def test_unreadable_intervals_are_refused(text: str, code: str) -> None:
    refused(parse_interval_text, text, code)
