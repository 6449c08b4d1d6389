"""Certificates pane: open requests of active citizens, the most overdue first."""

from __future__ import annotations

from datetime import date

from store.commands import doctor
from store.facade import Store
from store.rules import Status
from tests.queries.build import certificate, citizen, close


def test_open_requests_most_overdue_first(store: Store) -> None:
    anna, bo = citizen(store, "Anna Hansen"), citizen(store, "Bo Jensen")
    late = certificate(store, bo, date(2026, 10, 1))  # due 15 Oct
    soon = certificate(store, anna, date(2026, 11, 16))  # due 30 Nov
    fresh = certificate(store, anna, date(2026, 11, 23), doctor_name="Dr. Berg")  # due 7 Dec
    answered = certificate(store, anna, date(2026, 9, 1))
    store.execute(doctor.RegisterAnswer(request_id=answered, answered=date(2026, 9, 10)))
    cancelled = certificate(store, bo, date(2026, 9, 1))
    store.execute(doctor.CancelCertificate(request_id=cancelled))
    gone = citizen(store, "Carl")
    certificate(store, gone, date(2026, 9, 1))
    close(store, gone, date(2026, 11, 1))

    rows = store.doctor_requests()
    assert [r.request_id for r in rows] == [late, soon, fresh]
    assert [r.status for r in rows] == [Status.OVERDUE, Status.DUE_SOON, Status.OK]
    assert rows[0].days_left == (date(2026, 10, 15) - date(2026, 11, 23)).days
    assert (rows[0].name, rows[0].form, rows[0].reminders) == ("Bo Jensen", "LÆ 125", 0)
    assert store.count_doctor_requests() == 3


def test_search_matches_citizen_or_doctor(store: Store) -> None:
    anna = citizen(store, "Anna Hansen", cpr="241290-1234")
    bo = citizen(store, "Bo Jensen")
    a = certificate(store, anna, date(2026, 11, 1), doctor_name="Lægehuset Vest")
    b = certificate(store, bo, date(2026, 11, 2), doctor_name="Dr. Hansen")
    assert [r.request_id for r in store.doctor_requests(search="hansen")] == [a, b]
    assert [r.request_id for r in store.doctor_requests(search="vest")] == [a]
    assert [r.request_id for r in store.doctor_requests(search="241290")] == [a]
    assert store.count_doctor_requests(search="hansen") == 2
    assert [r.request_id for r in store.doctor_requests(limit=1, offset=1)] == [b]
