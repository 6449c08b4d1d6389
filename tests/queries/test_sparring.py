"""Case sparring: stuck cases with every reason, the most stuck first."""

from __future__ import annotations

from datetime import date, datetime

from store.commands import courses
from store.facade import Store
from tests.queries.build import certificate, citizen, close, contact, course, held


def test_stuck_cases_with_reasons_worst_first(store: Store) -> None:
    fresh = citizen(store, "Frida")
    held(store, fresh, datetime(2026, 11, 1, 10))
    old_meeting = citizen(store, "Ole")
    held(store, old_meeting, datetime(2026, 8, 1, 10))
    contact(store, old_meeting, datetime(2026, 11, 10, 9))
    silent = citizen(store, "Signe")
    held(store, silent, datetime(2026, 7, 1, 10))
    never = citizen(store, "Niels", date(2026, 6, 1))
    citizen(store, "Nina", date(2026, 11, 16))  # new: not stuck yet
    late = citizen(store, "Lars")
    held(store, late, datetime(2026, 11, 1, 9))
    certificate(store, late, date(2026, 10, 1))  # answer due 15 Oct: 39 days late
    slightly = citizen(store, "Lise")
    held(store, slightly, datetime(2026, 11, 1, 9))
    certificate(store, slightly, date(2026, 11, 1))  # due 15 Nov: 8 days late is not stuck
    quiet_course = citizen(store, "Karl")
    held(store, quiet_course, datetime(2026, 11, 1, 11))
    cid = course(store, quiet_course, date(2026, 8, 1), date(2027, 6, 1))
    store.execute(courses.RegisterReport(course_id=cid, received=date(2026, 9, 1)))
    gone = citizen(store, "Gorm", date(2026, 1, 5))
    close(store, gone, date(2026, 11, 1))

    rows = store.sparring(days=60)
    assert [(r.citizen_id, r.reasons) for r in rows] == [
        (never, ("no_meeting", "no_progress", "first_period")),  # met never, 6 months since the request
        (silent, ("no_meeting", "no_progress")),
        (old_meeting, ("no_meeting",)),
        (late, ("late_certificate",)),
        (quiet_course, ("course_without_reports",)),
    ]
    by_id = {r.citizen_id: r for r in rows}
    assert by_id[never].days_since_meeting is None and by_id[never].days_since_contact is None
    assert by_id[old_meeting].days_since_meeting == 114 and by_id[old_meeting].days_since_contact == 13
    assert by_id[silent].days_since_contact == by_id[silent].days_since_meeting == 145
    assert [r.citizen_id for r in store.sparring(days=60, limit=2)] == [never, silent]


def test_the_day_boundary_counts_whole_days(store: Store) -> None:
    sixty = citizen(store, "Sixty")
    held(store, sixty, datetime(2026, 9, 24, 15))  # 60 days before 23 Nov
    fifty_nine = citizen(store, "FiftyNine")
    held(store, fifty_nine, datetime(2026, 9, 25, 8))
    assert [r.citizen_id for r in store.sparring(days=60)] == [sixty]


def test_a_report_within_45_days_keeps_the_course_moving(store: Store) -> None:
    cid = citizen(store, "Karl")
    held(store, cid, datetime(2026, 11, 1, 11))
    course_id = course(store, cid, date(2026, 8, 1), date(2027, 6, 1))
    assert [r.reasons for r in store.sparring()] == [("course_without_reports",)]
    store.execute(courses.RegisterReport(course_id=course_id, received=date(2026, 10, 20)))
    assert store.sparring() == []
