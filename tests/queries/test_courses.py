"""Suppliers pane: running courses that need follow-up, with every reason, earliest first."""

from __future__ import annotations

from datetime import date

from store.commands import courses
from store.facade import Store
from store.rules import Status
from tests.queries.build import citizen, close, course


def test_reasons_due_and_order(store: Store) -> None:
    anna, bo = citizen(store, "Anna Hansen"), citizen(store, "Bo Jensen")
    # First report expected 1 Oct and never received.
    missing = course(store, anna, date(2026, 9, 1), date(2027, 3, 1))
    # Ends 1 Dec with no next step; its quarterly report is not due before the end.
    ending = course(store, bo, date(2026, 9, 5), date(2026, 12, 1), cadence="6m")
    # Three-party meeting a month after the start: 26 Nov.
    three = course(store, bo, date(2026, 10, 26), date(2027, 6, 1), cadence="3m", three_party="1m",
                   supplier="Fremtidsfabrikken", title="Praktik")
    # Both a missing report (1 Nov) and an end within 14 days.
    both = course(store, anna, date(2026, 10, 1), date(2026, 12, 4), supplier="Fremtidsfabrikken")

    rows = store.courses_needing_followup()
    assert [r.course_id for r in rows] == [missing, both, three, ending]
    by_id = {r.course_id: r for r in rows}
    assert by_id[missing].reasons == ("report_missing",) and by_id[missing].due == date(2026, 10, 1)
    assert by_id[missing].status == Status.OVERDUE
    assert by_id[both].reasons == ("report_missing", "ending_without_next_step")
    assert by_id[both].due == date(2026, 11, 1)
    assert by_id[three].reasons == ("three_party_due",) and by_id[three].due == date(2026, 11, 26)
    assert by_id[three].status == Status.DUE_SOON
    assert by_id[ending].reasons == ("ending_without_next_step",) and by_id[ending].due == date(2026, 12, 1)
    assert (by_id[three].supplier, by_id[three].title, by_id[three].name) == ("Fremtidsfabrikken", "Praktik", "Bo Jensen")
    assert store.count_courses() == 4


def test_courses_that_need_nothing_are_left_out(store: Store) -> None:
    cid = citizen(store, "Anna")
    planned = course(store, cid, date(2026, 10, 1), date(2026, 12, 4), cadence="6m")
    store.execute(courses.SetNextStep(course_id=planned, next_step="Fleksjob-afklaring"))
    stopped = course(store, cid, date(2026, 9, 1), date(2027, 3, 1))
    store.execute(courses.StopCourse(course_id=stopped, reason="Mødte ikke op", stopped_on=date(2026, 11, 1)))
    course(store, cid, date(2026, 11, 20), date(2027, 6, 1))  # first report 20 Dec
    gone = citizen(store, "Bo")
    course(store, gone, date(2026, 9, 1), date(2027, 3, 1))
    close(store, gone, date(2026, 11, 1))
    assert store.courses_needing_followup() == []
    assert store.count_courses() == 0


def test_a_received_report_clears_the_reason(store: Store) -> None:
    cid = citizen(store, "Anna")
    cid_course = course(store, cid, date(2026, 9, 1), date(2027, 3, 1))
    store.execute(courses.RegisterReport(course_id=cid_course, received=date(2026, 10, 2)))
    (row,) = store.courses_needing_followup()
    assert row.due == date(2026, 11, 1)
    store.execute(courses.RegisterReport(course_id=cid_course, received=date(2026, 11, 2)))
    assert store.courses_needing_followup() == []


def test_search_matches_citizen_or_supplier(store: Store) -> None:
    anna, bo = citizen(store, "Anna Hansen"), citizen(store, "Bo Jensen")
    a = course(store, anna, date(2026, 9, 1), date(2027, 3, 1), supplier="Jobværkstedet")
    b = course(store, bo, date(2026, 9, 2), date(2027, 3, 1), supplier="Værkstedet Nord")
    assert [r.course_id for r in store.courses_needing_followup(search="værksted")] == [a, b]
    assert [r.course_id for r in store.courses_needing_followup(search="nord")] == [b]
    assert [r.course_id for r in store.courses_needing_followup(search="anna")] == [a]
    assert store.count_courses(search="nord") == 1
    assert [r.course_id for r in store.courses_needing_followup(limit=1, offset=1)] == [b]
