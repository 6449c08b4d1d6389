"""My numbers: caseload, timeliness, plans and outcomes, month by month."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from store.commands import plans
from store.facade import Store
from store.queries.numbers import month_starts
from tests.queries.build import citizen, close, held


def test_month_starts_are_the_last_twelve_months_oldest_first() -> None:
    starts = month_starts(date(2026, 11, 23))
    assert starts[0] == date(2025, 12, 1) and starts[-1] == date(2026, 11, 1) and len(starts) == 12


def test_empty_database_has_no_timeliness(store: Store) -> None:
    n = store.numbers()
    assert (n.caseload, n.timeliness_pct, n.plans_made_12m, n.outcomes_12m) == (0, None, 0, {})
    assert len(n.months) == 12 and all(m.meetings_held == 0 and m.timeliness_pct is None for m in n.months)


def test_numbers(store: Store) -> None:
    a = citizen(store, "Anna", date(2026, 1, 5))
    held(store, a, datetime(2026, 1, 9, 10))  # first meeting within 7 days: on time
    held(store, a, datetime(2026, 3, 20, 10))  # within 3 months: on time
    held(store, a, datetime(2026, 8, 1, 10))  # more than 3 months later: late
    b = citizen(store, "Bo", date(2025, 11, 1), interval="6w")
    held(store, b, datetime(2025, 11, 20, 10))  # before the window: only the previous meeting
    held(store, b, datetime(2025, 12, 30, 10))  # 40 days later, within 6 weeks: on time
    c = citizen(store, "Carl", date(2025, 6, 1))
    store.execute(plans.OpenPlan(citizen_id=c, team_meeting=date(2026, 6, 10)))
    close(store, c, date(2026, 5, 15), outcome="job")
    d = citizen(store, "Dorte", date(2025, 6, 1))
    store.execute(plans.OpenPlan(citizen_id=d, team_meeting=date(2026, 12, 10)))  # not yet held
    close(store, d, date(2026, 10, 1), outcome="fleksjob")
    e = citizen(store, "Erik", date(2025, 6, 1))
    close(store, e, date(2025, 10, 1), outcome="job")  # before the window
    citizen(store, "Nina", date(2026, 11, 16))

    n = store.numbers()
    assert (n.caseload, n.norm_low, n.norm_high) == (3, 40, 55)
    # 3 of 4 held meetings on time, and two deadlines passed with none held: Bo's (30 Dec + 6
    # weeks = 10 Feb) and Anna's (1 Aug + 3 months = Sun 1 Nov -> Fri 30 Oct): 3 of 6.
    assert n.timeliness_pct == pytest.approx(50.0)
    assert months_pct(n, date(2026, 2, 1)) == 0.0 and months_pct(n, date(2026, 10, 1)) == 0.0
    assert n.plans_made_12m == 1
    assert n.outcomes_12m == {"job": 1, "fleksjob": 1}
    months = {m.month: m for m in n.months}
    assert months[date(2025, 12, 1)].meetings_held == 1 and months[date(2025, 12, 1)].timeliness_pct == 100.0
    assert months[date(2026, 8, 1)].timeliness_pct == 0.0
    assert months[date(2026, 6, 1)].plans_made == 1
    assert months[date(2026, 5, 1)].outcomes == 1 and months[date(2026, 10, 1)].outcomes == 1
    # Anna, Bo, Carl and Dorte in April; Carl closed in May; Dorte in October; Nina came in November.
    assert months[date(2026, 4, 1)].caseload == 4
    assert months[date(2026, 5, 1)].caseload == 3
    assert months[date(2026, 10, 1)].caseload == 2
    assert months[date(2026, 11, 1)].caseload == 3
    assert sum(m.meetings_held for m in n.months) == 4


def months_pct(n, month: date):  # type: ignore[no-untyped-def]
    return next(m.timeliness_pct for m in n.months if m.month == month)


def test_a_citizen_overdue_after_no_shows_is_untimely(store: Store) -> None:
    """Two no-shows are not held meetings: the passed deadline counts, so 100 % is impossible."""
    from store.commands import meetings

    a = citizen(store, "Anna", date(2026, 1, 5))
    held(store, a, datetime(2026, 5, 4, 10))  # on time? no: the pace wanted 4 in 6 months
    for day in (date(2026, 6, 1), date(2026, 6, 8)):
        mid = store.execute(meetings.PlanMeeting(citizen_id=a, start=datetime.combine(day, datetime.min.time()))).value
        store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="later"))
    n = store.numbers()
    assert n.timeliness_pct is not None and n.timeliness_pct < 100.0
    # The figure and the months agree: the same counts, summed.
    assert n.timeliness_pct == pytest.approx(0.0)
