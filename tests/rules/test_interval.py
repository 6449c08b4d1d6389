from __future__ import annotations

from calendar import monthrange

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import Interval
from tests.rules.helpers import d


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3m", Interval(months=3)),
        ("6w", Interval(weeks=6)),
        ("14d", Interval(days=14)),
        ("3 m", Interval(months=3)),
        (" 1m2w ", Interval(months=1, weeks=2)),
        ("1M", Interval(months=1)),
        ("2w1m", Interval(months=1, weeks=2)),
        ("1m 2w 3d", Interval(months=1, weeks=2, days=3)),
        ("03m", Interval(months=3)),
    ],
)
def test_parse(text: str, expected: Interval) -> None:
    assert Interval.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "cannot read interval"),
        ("   ", "cannot read interval"),
        ("m", "cannot read interval"),
        ("3", "cannot read interval"),
        ("3x", "cannot read interval"),
        ("-3m", "cannot read interval"),
        ("3.5m", "cannot read interval"),
        ("3 months", "cannot read interval"),
        ("0m", "longer than zero"),
        ("0d0w", "longer than zero"),
        ("3m1m", "months given more than once"),
        ("121m", "at most 120"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Interval.parse(text)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(ValueError, match="must be text"):
        Interval.parse(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs", [{"months": -1, "days": 5}, {}, {"months": 0}, {"weeks": 1.5}, {"days": True}]
)
def test_constructor_rejects(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Interval(**kwargs)


@pytest.mark.parametrize(
    ("interval", "text"),
    [(Interval(months=3), "3m"), (Interval(weeks=6), "6w"), (Interval(days=14), "14d"),
     (Interval(months=1, weeks=2, days=3), "1m2w3d")],
)
def test_str_is_compact(interval: Interval, text: str) -> None:
    assert str(interval) == text


@pytest.mark.parametrize(
    ("start", "interval", "times", "expected"),
    [
        ("2025-08-31", "3m", 1, "2025-11-30"),
        ("2025-11-30", "3m", 1, "2026-02-28"),
        ("2028-02-29", "12m", 1, "2029-02-28"),
        ("2027-11-29", "3m", 1, "2028-02-29"),
        ("2028-01-31", "1m", 1, "2028-02-29"),
        ("2027-01-31", "1m", 1, "2027-02-28"),
        ("2026-01-31", "1m2w", 1, "2026-03-14"),  # months first: 28 Feb, then 14 days
        ("2026-12-25", "14d", 1, "2027-01-08"),
        ("2026-01-05", "6w", 1, "2026-02-16"),
        ("2026-01-31", "1m", 2, "2026-03-31"),  # anchored to the start, no drift to the 28th
        ("2026-01-31", "1m", 3, "2026-04-30"),
    ],
)
def test_add_to(start: str, interval: str, times: int, expected: str) -> None:
    assert Interval.parse(interval).add_to(d(start), times=times) == d(expected)


intervals = st.tuples(st.integers(0, 120), st.integers(0, 522), st.integers(0, 3653)).filter(any).map(
    lambda parts: Interval(*parts)
)


@given(intervals)
def test_round_trip(interval: Interval) -> None:
    assert Interval.parse(str(interval)) == interval


@given(intervals, st.dates(min_value=d("2000-01-01"), max_value=d("2060-12-31")))
def test_add_to_is_always_later(interval: Interval, start) -> None:
    assert interval.add_to(start) > start


@given(st.integers(1, 24), st.dates(min_value=d("2000-01-01"), max_value=d("2060-12-31")))
def test_months_land_in_the_target_month_clamped_to_its_end(months: int, start) -> None:
    result = Interval(months=months).add_to(start)
    total = start.year * 12 + start.month - 1 + months
    assert (result.year, result.month) == (total // 12, total % 12 + 1)
    assert result.day == min(start.day, monthrange(result.year, result.month)[1])
