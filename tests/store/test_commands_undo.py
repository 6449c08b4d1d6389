"""Write commands through the facade: one transaction each, deadlines move at once, and undo
walks back at least 20 steps, deletions included."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from store.commands import citizens, courses, doctor, journal_entries, meetings
from store.db.models import Meeting
from store.errors import Invalid
from store.facade import Store
from tests.conftest import TODAY
from tests.pg.sql import connect


@pytest.fixture
def store(empty_db, clock):
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()


def _citizen(store: Store, cpr: str = "010190-1234", first_request: date = date(2026, 1, 5)) -> int:
    return store.execute(citizens.CreateCitizen(cpr=cpr, name="Anna Hansen", first_request=first_request)).value


def _deadline(store: Store, citizen_id: int) -> date:
    return store.citizen_record(citizen_id).next_due


def test_new_citizen_gets_first_meeting_deadline(store: Store) -> None:
    cid = _citizen(store, first_request=date(2026, 11, 16))
    # 16 Nov + 7 days = Monday 23 Nov, an open day.
    assert _deadline(store, cid) == date(2026, 11, 23)


def test_marking_held_moves_the_deadline_by_the_interval_and_undo_moves_it_back(store: Store) -> None:
    cid = _citizen(store)
    first = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 8, 31, 10), minutes=60)).value
    store.execute(meetings.MarkHeld(meeting_id=first))
    assert _deadline(store, cid) == date(2026, 11, 30)  # 31 Aug + 3 months
    today_meeting = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 23, 9), minutes=45)).value
    store.execute(meetings.MarkHeld(meeting_id=today_meeting, summary="Talte om [bold]praktik[/]"))
    assert _deadline(store, cid) == date(2027, 2, 23)
    assert store.undo() == "meetings.mark_held"
    assert _deadline(store, cid) == date(2026, 11, 30)


def test_undo_restores_a_deleted_meeting_with_its_id(store: Store) -> None:
    cid = _citizen(store)
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 9, 1, 10))).value
    store.execute(meetings.MarkHeld(meeting_id=mid, summary="noter"))
    due = _deadline(store, cid)
    store.execute(meetings.DeleteMeeting(meeting_id=mid))
    assert _deadline(store, cid) != due
    store.undo()
    with connect(store.engine) as db:
        row = db.execute("select status, summary from meeting where id = ?", (mid,)).fetchone()
    assert row == ("held", "noter")
    assert _deadline(store, cid) == due


def test_twenty_five_steps_undo_in_reverse_order(store: Store) -> None:
    cid = _citizen(store)
    ids = [
        store.execute(journal_entries.LogContact(citizen_id=cid, at=datetime(2026, 11, 23, 8, i), channel="phone", direction="out", reached=bool(i % 2), note=f"opkald {i}")).value
        for i in range(25)
    ]
    for _ in range(25):
        assert store.undo() == "journal_entries.log_contact"
    with connect(store.engine) as db:
        assert db.execute("select count(*) from contact_entry").fetchone()[0] == 0
    assert ids and store.undo() == "citizens.create"
    assert store.undo() is None


def test_a_failed_command_writes_nothing(store: Store) -> None:
    cid = _citizen(store)
    with pytest.raises(Invalid) as err:
        store.execute(journal_entries.AddAbsence(citizen_id=cid, kind="sickness", first_day=date(2026, 11, 20), last_day=date(2026, 11, 10)))
    assert err.value.field == "last_day"
    with connect(store.engine) as db:
        assert db.execute("select count(*) from absence").fetchone()[0] == 0
        assert db.execute("select count(*) from undo_entry").fetchone()[0] == 1


def test_absence_pauses_the_clock(store: Store) -> None:
    cid = _citizen(store)
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 9, 1, 10))).value
    store.execute(meetings.MarkHeld(meeting_id=mid))
    before = _deadline(store, cid)
    store.execute(journal_entries.AddAbsence(citizen_id=cid, kind="sickness", first_day=date(2026, 10, 5), last_day=date(2026, 10, 11)))
    assert _deadline(store, cid) >= before + timedelta(days=5)


def test_no_show_with_hearing_sets_reply_and_decision_deadlines(store: Store) -> None:
    cid = _citizen(store)
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 20, 10))).value
    hid = store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing")).value
    hearing = store.citizen_file(cid).hearings[0]
    assert hearing.id == hid
    assert hearing.failure_date == date(2026, 11, 20)
    # 3 whole months after November = 28 Feb 2027, a Sunday: the last open day before is 26 Feb.
    assert hearing.decision_due == date(2027, 2, 26)
    assert hearing.reply_due is not None and hearing.reply_due > TODAY


def test_lae125_answer_is_due_in_14_days(store: Store) -> None:
    cid = _citizen(store)
    rid = store.execute(doctor.OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Lægehuset Nørrebro", sent=TODAY)).value
    request = store.citizen_file(cid).doctor_requests[0]
    assert request.id == rid and request.answer_due == date(2026, 12, 7)


def test_registering_a_report_moves_the_next_report_due(store: Store) -> None:
    cid = _citizen(store)
    course_id = store.execute(courses.OrderCourse(citizen_id=cid, supplier="Jobværkstedet", title="Afklaring", start=date(2026, 9, 1), end=date(2027, 3, 1), report_cadence="1m")).value
    first_due = store.citizen_file(cid).courses[0].next_report_due
    assert first_due == date(2026, 10, 1)
    store.execute(courses.RegisterReport(course_id=course_id, received=date(2026, 10, 3), read=True))
    assert store.citizen_file(cid).courses[0].next_report_due == date(2026, 11, 1)
    store.undo()
    assert store.citizen_file(cid).courses[0].next_report_due == first_due


def test_future_meeting_cannot_be_marked_held(store: Store) -> None:
    cid = _citizen(store)
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 12, 1, 10))).value
    with pytest.raises(Invalid):
        store.execute(meetings.MarkHeld(meeting_id=mid))
    with connect(store.engine) as db:
        assert db.execute("select status from meeting where id=?", (mid,)).fetchone()[0] == "planned"


def test_overlap_and_closed_day_are_warnings(store: Store) -> None:
    cid = _citizen(store)
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 24, 10), minutes=60)).value
    w = store.meeting_warnings(start=datetime(2026, 11, 24, 10, 30), minutes=30)
    assert w.overlaps == (mid,) and not w.closed_day
    assert store.meeting_warnings(start=datetime(2026, 12, 24, 10), minutes=30).closed_day
    assert Meeting.__tablename__ == "meeting"
