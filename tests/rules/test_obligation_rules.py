"""The rules behind the obligations: the first period's pace, the offer, the rehabilitation
team's preparation, a report's grace days and a status judged against what is left to do."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from store.rules import (
    DeadlineReason, Interval, Status, citizen_next_meeting, first_offer_due, first_period_pace, judge_obligation,
    next_meeting_deadline, open_days_between, profile_for_history, rehab_preparation_due, report_due,
)
from tests.rules.helpers import d, lab


def test_pace_splits_what_is_left_of_the_period() -> None:
    # First request Mon 5 Jan 2026; the period's last day 4 Jul is a Saturday -> Fri 3 Jul.
    # First meeting 12 Jan; 3 owed; 172 days / 3 = 57 -> Tue 10 Mar.
    pace = first_period_pace(d("2026-01-05"), [d("2026-01-12")])
    assert pace is not None
    assert (pace.base, pace.owed, pace.period_end, pace.due) == (d("2026-01-12"), 3, d("2026-07-03"), d("2026-03-10"))


def test_pace_with_one_owed_is_the_period_end() -> None:
    pace = first_period_pace(d("2026-01-05"), [d("2026-01-12"), d("2026-03-01"), d("2026-04-20")])
    assert pace is not None and pace.due == d("2026-07-03")


def test_no_pace_when_the_minimum_is_met() -> None:
    held = [d("2026-01-12"), d("2026-02-12"), d("2026-03-12"), d("2026-04-13")]
    assert first_period_pace(d("2026-01-05"), held) is None


def test_next_meeting_keeps_the_pace() -> None:
    """The default 3-month interval gives 12 Apr (a Sunday -> 10 Apr); the pace needs 10 Mar."""
    plain = next_meeting_deadline(d("2026-01-05"), [d("2026-01-12")], None, [])
    paced = citizen_next_meeting(d("2026-01-05"), [d("2026-01-12")], None, [])
    assert plain.due == d("2026-04-10")
    assert (paced.due, paced.reason) == (d("2026-03-10"), DeadlineReason.FIRST_PERIOD_PACE)


def test_pace_does_not_apply_after_the_period() -> None:
    paced = citizen_next_meeting(d("2026-01-05"), [d("2026-01-12"), d("2026-08-03")], None, [])
    assert paced.reason is DeadlineReason.INTERVAL


def test_a_short_interval_beats_the_pace() -> None:
    paced = citizen_next_meeting(d("2026-01-05"), [d("2026-01-12")], Interval(weeks=6), [])
    assert (paced.due, paced.reason) == (d("2026-02-23"), DeadlineReason.INTERVAL)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.lists(st.integers(0, 200), max_size=6))
def test_following_the_paced_deadline_reaches_the_minimum(first_request: date, offsets: list[int]) -> None:
    """Holding each meeting on its paced next-meeting deadline always reaches 4 in the period."""
    held = sorted({first_request + timedelta(days=o) for o in offsets if o < 20})[:1]
    for _ in range(8):
        pace = first_period_pace(first_request, held)
        if pace is None:
            break
        deadline = citizen_next_meeting(first_request, held, None, [])
        assert deadline.due <= pace.due or deadline.reason is DeadlineReason.FIRST_MEETING
        held.append(deadline.due)
    else:
        raise AssertionError("the pace never reached the minimum")
    assert first_period_pace(first_request, held) is None


def test_offer_within_six_months() -> None:
    reform = profile_for_history(d("2026-07-01"))
    # 11 Aug 2026 + 6 months = 11 Feb 2027 (Thursday, open).
    assert first_offer_due(d("2026-08-11"), reform) == d("2027-02-11")
    # 5 Dec 2026 + 6 months = 5 Jun 2027: Grundlovsdag (a Saturday too) -> Fri 4 Jun.
    assert first_offer_due(d("2026-12-05"), reform) == d("2027-06-04")
    # The older profile sets no first-offer deadline; a number there would switch it on.
    assert first_offer_due(d("2026-02-11"), lab()) is None
    assert first_offer_due(d("2026-02-11"), lab(offer_first_months=6)) == d("2026-08-11")


def test_rehab_preparation_lead_time() -> None:
    # Team Tue 12 Jan 2027 - 14 days = Tue 29 Dec 2026 (open).
    assert rehab_preparation_due(d("2027-01-12"), lab()) == d("2026-12-29")
    # Team Thu 7 Jan 2027 - 14 = Thu 24 Dec (closed) -> Wed 23 Dec.
    assert rehab_preparation_due(d("2027-01-07"), lab()) == d("2026-12-23")


def test_report_grace_days_from_the_profile() -> None:
    assert report_due(d("2026-11-01"), lab()) == d("2026-11-08")
    assert report_due(d("2026-11-01"), lab(course_report_grace_days=3)) == d("2026-11-04")


def test_status_judged_against_what_is_left() -> None:
    today = d("2026-11-23")
    # Three meetings owed with four open days left: due soon at least, though the date is far.
    assert judge_obligation(d("2026-12-20"), today, soon_days=7, work_left=3, open_days_left=4) is Status.DUE_SOON
    # Three owed, two open days: it cannot be met any more.
    assert judge_obligation(d("2026-12-20"), today, soon_days=7, work_left=3, open_days_left=2) is Status.OVERDUE
    assert judge_obligation(d("2026-12-20"), today, soon_days=7, work_left=1, open_days_left=20) is Status.OK
    assert judge_obligation(d("2026-11-22"), today, soon_days=7) is Status.OVERDUE
    assert judge_obligation(d("2026-11-30"), today, soon_days=7) is Status.DUE_SOON


def test_open_days_between() -> None:
    # Mon 21 Dec 2026 .. Fri 1 Jan 2027: 21, 22, 23, 28, 29, 30 (24-26, 31, 1 closed; weekends).
    assert open_days_between(d("2026-12-21"), d("2027-01-01"), lab()) == 6
