from __future__ import annotations

from datetime import time

import pytest

from store.parse import parse_minutes, parse_time
from tests.parse.helpers import refused


@pytest.mark.parametrize("text, expected", [
    ("9", time(9)), ("9.30", time(9, 30)), ("09:30", time(9, 30)), ("0930", time(9, 30)),
    ("930", time(9, 30)), ("kl. 14", time(14)), ("kl 14.15", time(14, 15)), ("Kl.14", time(14)),
    ("14:05", time(14, 5)), ("0", time(0)), ("23:59", time(23, 59)), (" 8.00 ", time(8)),
])
def test_times_are_read(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text, code", [
    ("", "time.empty"), ("kl.", "time.empty"),
    ("24", "time.out_of_range"), ("9.60", "time.out_of_range"), ("2400", "time.out_of_range"),
    ("9.3", "time.unreadable"), ("nine", "time.unreadable"), ("12345", "time.unreadable"),
    ("9:30:00", "time.unreadable"), ("-1", "time.unreadable"),
])
def test_unreadable_times_are_refused(text: str, code: str) -> None:
    refused(parse_time, text, code)


@pytest.mark.parametrize("text, expected", [
    ("45", 45), ("1t", 60), ("1 t", 60), ("1,5 t", 90), ("1.5t", 90), ("90 min", 90), ("90min", 90),
    ("1:30", 90), ("1t30", 90), ("1 t 30 min", 90), ("2 timer", 120), ("1h", 60), ("1,25 t", 75),
    ("1440", 1440), ("24t", 1440), ("1", 1),
])
def test_durations_are_read(text: str, expected: int) -> None:
    assert parse_minutes(text) == expected


@pytest.mark.parametrize("text, code", [
    ("", "minutes.empty"),
    ("0", "minutes.out_of_range"), ("1441", "minutes.out_of_range"), ("25 t", "minutes.out_of_range"),
    ("0:00", "minutes.out_of_range"),
    ("1,01 t", "minutes.not_whole"), ("0,5", "minutes.not_whole"),
    ("lang", "minutes.unreadable"), ("1:60", "minutes.unreadable"), ("45 sek", "minutes.unreadable"),
    ("-5", "minutes.unreadable"),
])
def test_unreadable_durations_are_refused(text: str, code: str) -> None:
    refused(parse_minutes, text, code)
