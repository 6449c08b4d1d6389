"""Properties over many inputs: round trips, and that nothing but ParseError ever escapes."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from store.parse import (
    ParseError,
    mask_cpr,
    parse_cpr,
    parse_date,
    parse_interval_text,
    parse_minutes,
    parse_phone,
    parse_time,
)
from tests.parse.helpers import TODAY

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
# Text that looks a little like what the parsers read, so they get past their first checks.
typed = st.one_of(
    st.text(),
    st.text(alphabet="0123456789-./: +,tkmdugæøåTKM", max_size=14),
)


@given(dates)
def test_any_date_written_dd_mm_yyyy_reads_back(day: date) -> None:
    assert parse_date(f"{day:%d-%m-%Y}", TODAY) == day
    assert parse_date(f"{day:%d.%m.%Y}", TODAY) == day
    assert parse_date(day.isoformat(), TODAY) == day


@given(st.integers(0, 23), st.integers(0, 59))
def test_any_time_written_hh_mm_reads_back(hour: int, minute: int) -> None:
    assert parse_time(f"{hour:02d}:{minute:02d}") == time(hour, minute)
    assert parse_time(f"kl. {hour}.{minute:02d}") == time(hour, minute)


@given(st.integers(1, 1440))
def test_any_duration_in_range_reads_back(minutes: int) -> None:
    assert parse_minutes(str(minutes)) == minutes
    assert parse_minutes(f"{minutes // 60}:{minutes % 60:02d}") == minutes


@given(typed, dates)
def test_dates_raise_nothing_but_parse_error(text: str, today: date) -> None:
    try:
        assert isinstance(parse_date(text, today), date)
    except ParseError as exc:
        assert exc.example


@given(typed)
def test_other_parsers_raise_nothing_but_parse_error(text: str) -> None:
    for parse in (parse_time, parse_minutes, parse_cpr, parse_phone, parse_interval_text):
        try:
            parse(text)
        except ParseError as exc:
            assert exc.example


@st.composite
def cprs(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)))
    serial = draw(st.integers(0, 3999))  # 7th digit 0-3: the 1900s
    return f"{born:%d%m%y}-{serial:04d}"


@given(cprs(), st.sampled_from(["{}", " {} ", "CPR {} ok"]), st.booleans())
def test_a_masked_cpr_never_shows_its_serial(cpr: str, template: str, compact: bool) -> None:
    written = cpr.replace("-", "") if compact else cpr
    masked = mask_cpr(template.format(written))
    digits = "".join(ch for ch in masked if ch.isdigit())
    assert digits == cpr[:6]  # only the birth date survives
    assert parse_cpr(written).cpr == cpr


@given(st.text())
def test_masking_never_shows_more_than_six_digits(text: str) -> None:
    masked = mask_cpr(text)
    assert sum(ch in "0123456789" for ch in masked) <= 6
