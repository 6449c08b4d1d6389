from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import DeadlineReason, Interval, is_open_day, next_meeting_deadline
from tests.rules.helpers import d, fixed, lab

SIX_WEEKS = Interval(weeks=6)
BASE = d("2026-01-05")  # a Monday; + 6 weeks = Monday 2026-02-16


def deadline(held=(BASE,), interval=SIX_WEEKS, absences=(), first_request=d("2025-12-01"), **kwargs):
    return next_meeting_deadline(first_request, list(held), interval, list(absences), **kwargs)


@pytest.mark.parametrize(
    ("first_request", "due", "moved_from", "profile"),
    [
        ("2026-01-05", "2026-01-12", None, "2025-lab"),
        ("2026-03-27", "2026-04-01", "2026-04-03", "2025-lab"),  # + 7 = langfredag
        ("2026-12-17", "2026-12-23", "2026-12-24", "2026-reform"),
        ("2019-05-29", "2019-06-04", "2019-06-05", "2025-lab"),  # before every profile
    ],
)
def test_first_meeting(first_request: str, due: str, moved_from: str | None, profile: str) -> None:
    result = next_meeting_deadline(d(first_request), [], None, [])
    assert result.reason is DeadlineReason.FIRST_MEETING
    assert str(result.reason) == "first_meeting"
    assert result.base == d(first_request)
    assert result.raw_due == d(first_request) + timedelta(days=7)
    assert result.interval == Interval(days=7)
    assert result.due == d(due)
    assert result.moved_from_closed_day == (d(moved_from) if moved_from else None)
    assert result.profile == profile


@pytest.mark.parametrize(
    ("held", "interval", "raw_due", "due"),
    [
        ("2025-08-31", None, "2025-11-30", "2025-11-28"),  # 30 Nov 2025 is a Sunday
        ("2025-11-30", None, "2026-02-28", "2026-02-27"),  # Saturday
        ("2027-11-29", None, "2028-02-29", "2028-02-29"),  # leap day, a Tuesday
        ("2028-02-29", Interval(months=12), "2029-02-28", "2029-02-28"),
        ("2026-01-05", SIX_WEEKS, "2026-02-16", "2026-02-16"),
        ("2026-01-06", Interval(months=3), "2026-04-06", "2026-04-01"),  # 2. påskedag
        ("2026-09-24", None, "2026-12-24", "2026-12-23"),
        ("2026-10-01", None, "2027-01-01", "2026-12-30"),
    ],
)
def test_interval_from_last_held(held: str, interval: Interval | None, raw_due: str, due: str) -> None:
    result = next_meeting_deadline(d("2025-01-06"), [d(held)], interval, [])
    assert result.reason is DeadlineReason.INTERVAL
    assert result.base == d(held)
    assert result.raw_due == d(raw_due)
    assert result.due == d(due)
    assert result.moved_from_closed_day == (None if raw_due == due else d(raw_due))
    assert result.interval == (interval or Interval(months=3))


def test_latest_held_meeting_counts_in_any_order() -> None:
    result = deadline(held=[d("2026-01-05"), d("2025-11-01"), d("2025-12-10")])
    assert result.base == d("2026-01-05")


def test_meetings_before_the_first_request_are_history() -> None:
    result = next_meeting_deadline(d("2026-03-02"), [d("2026-01-05")], SIX_WEEKS, [])
    assert (result.reason, result.base, result.due) == (DeadlineReason.INTERVAL, d("2026-01-05"), d("2026-02-16"))


@pytest.mark.parametrize(
    ("absences", "paused", "due", "moved_from"),
    [
        ([], 0, "2026-02-16", None),
        ([("2026-01-20", "2026-01-22")], 3, "2026-02-19", None),
        # Overlapping: the union 20-28 Jan is 9 days, not 6 + 6.
        ([("2026-01-20", "2026-01-25"), ("2026-01-23", "2026-01-28")], 9, "2026-02-25", None),
        # The same absence twice counts once; 22 Feb is a Sunday.
        ([("2026-01-20", "2026-01-25"), ("2026-01-20", "2026-01-25")], 6, "2026-02-20", "2026-02-22"),
        # Adjacent: 3 + 2 days; 21 Feb is a Saturday.
        ([("2026-01-20", "2026-01-22"), ("2026-01-23", "2026-01-24")], 5, "2026-02-20", "2026-02-21"),
        # The second absence lies after the raw deadline (16 Feb) and is reached only once the
        # first one has moved it to 23 Feb.
        ([("2026-01-20", "2026-01-26"), ("2026-02-20", "2026-02-22")], 10, "2026-02-26", None),
        # A chain: each move reaches the next absence.
        ([("2026-02-16", "2026-02-16"), ("2026-02-17", "2026-02-17"), ("2026-02-18", "2026-02-18")], 3, "2026-02-19", None),
        # Entirely before the base: ignored.
        ([("2025-12-01", "2026-01-04")], 0, "2026-02-16", None),
        # Ends on the base day itself: the span starts the day after, so ignored.
        ([("2025-12-01", "2026-01-05")], 0, "2026-02-16", None),
        # Spanning the base: only the days after it count (6 and 7 Jan).
        ([("2026-01-01", "2026-01-07")], 2, "2026-02-18", None),
        # Starting the day after the deadline: not in the span.
        ([("2026-02-17", "2026-02-20")], 0, "2026-02-16", None),
        # Starting on the deadline: 16-18 Feb, so the deadline lands the day after.
        ([("2026-02-16", "2026-02-18")], 3, "2026-02-19", None),
        # An absence ending Friday with the paused deadline on Saturday moves back into it.
        ([("2026-01-20", "2026-01-29"), ("2026-02-26", "2026-02-27")], 12, "2026-02-27", "2026-02-28"),
    ],
)
def test_absences_pause_the_clock(absences, paused: int, due: str, moved_from: str | None) -> None:
    result = deadline(absences=[(d(a), d(b)) for a, b in absences])
    assert result.raw_due == d("2026-02-16")
    assert result.paused_days == paused
    assert result.due == d(due)
    assert result.moved_from_closed_day == (d(moved_from) if moved_from else None)


def test_absence_ending_before_it_starts_is_an_error() -> None:
    with pytest.raises(ValueError, match="absence ends"):
        deadline(absences=[(d("2026-01-22"), d("2026-01-20"))])


def test_profile_in_force_on_the_base_day_decides() -> None:
    by_date = {d("2026-06-30"): lab(default_interval=Interval(months=1))}
    lookup = lambda day: by_date.get(day) or lab(name="later", default_interval=Interval(weeks=2))  # noqa: E731
    early = next_meeting_deadline(d("2026-01-05"), [d("2026-06-30")], None, [], profile_lookup=lookup)
    late = next_meeting_deadline(d("2026-01-05"), [d("2026-07-01")], None, [], profile_lookup=lookup)
    assert (early.due, early.profile) == (d("2026-07-30"), "2025-lab")
    assert (late.due, late.profile) == (d("2026-07-15"), "later")


def test_shipped_profiles_switch_on_1_july_2026() -> None:
    assert deadline(held=[d("2026-06-30")]).profile == "2025-lab"
    assert deadline(held=[d("2026-07-01")]).profile == "2026-reform"


def test_first_meeting_days_come_from_the_profile() -> None:
    result = next_meeting_deadline(d("2026-01-05"), [], None, [], profile_lookup=fixed(lab(first_meeting_days=3)))
    assert result.due == d("2026-01-08")


def test_never_moved_back_to_the_base() -> None:
    # Held on Christmas Eve with a 1-day interval: every day back to the base is closed.
    result = deadline(held=[d("2026-12-24")], interval=Interval(days=1))
    assert (result.due, result.moved_from_closed_day) == (d("2026-12-25"), None)


dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
intervals = st.one_of(
    st.integers(1, 12).map(lambda n: Interval(months=n)),
    st.integers(1, 12).map(lambda n: Interval(weeks=n)),
    st.integers(1, 90).map(lambda n: Interval(days=n)),
)
spans = st.lists(st.tuples(st.integers(-30, 200), st.integers(0, 40)), max_size=5)


@given(dates, intervals, spans)
def test_deadline_properties(base: date, interval: Interval, raw_spans) -> None:
    absences = [(base + timedelta(days=s), base + timedelta(days=s + n)) for s, n in raw_spans]
    result = deadline(held=[base], interval=interval, absences=absences)
    paused_due = result.raw_due + timedelta(days=result.paused_days)
    absent = {a + timedelta(days=i) for a, b in absences for i in range((b - a).days + 1)}
    assert result.raw_due == interval.add_to(base)
    assert base < result.due <= paused_due
    assert result.paused_days <= len(absent)
    # The clock ran exactly the interval's length on days without absence...
    running = [base + timedelta(days=i) for i in range(1, (paused_due - base).days + 1)]
    assert sum(1 for day in running if day not in absent) == (result.raw_due - base).days
    # ...and stopped on a day without absence.
    assert paused_due not in absent
    if result.moved_from_closed_day is None:
        assert result.due == paused_due
    else:
        assert result.moved_from_closed_day == paused_due
        assert not is_open_day(paused_due)
    assert is_open_day(result.due) or result.moved_from_closed_day is None


@given(dates, intervals, spans, st.randoms())
def test_absence_order_does_not_matter(base: date, interval: Interval, raw_spans, rnd: random.Random) -> None:
    absences = [(base + timedelta(days=s), base + timedelta(days=s + n)) for s, n in raw_spans]
    shuffled = absences[:]
    rnd.shuffle(shuffled)
    assert deadline(held=[base], interval=interval, absences=absences) == deadline(
        held=[base], interval=interval, absences=shuffled
    )


@given(dates, intervals, spans, st.tuples(st.integers(-30, 200), st.integers(0, 40)))
def test_another_absence_never_brings_the_deadline_earlier(base: date, interval: Interval, raw_spans, extra) -> None:
    absences = [(base + timedelta(days=s), base + timedelta(days=s + n)) for s, n in raw_spans]
    more = absences + [(base + timedelta(days=extra[0]), base + timedelta(days=extra[0] + extra[1]))]
    assert deadline(held=[base], interval=interval, absences=more).due >= deadline(
        held=[base], interval=interval, absences=absences
    ).due


@given(dates)
def test_real_intervals_always_end_on_an_open_day_after_the_base(base: date) -> None:
    for interval in (Interval(days=7), Interval(weeks=6), Interval(months=3)):
        result = deadline(held=[base], interval=interval)
        assert is_open_day(result.due)
        assert result.due > base
