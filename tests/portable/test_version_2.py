"""Portable format version 2: everything the rest of the caseworker's day records survives a
round trip, and a version 1 file still imports."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from store.commands import meetings, plans
from store.commands.course_days import RecordMissedCourseDays
from store.commands.course_follow import SetCourseType
from store.commands.decisions import DecideHearing
from store.commands.hearings import LogHearingContact, RecordHearingReply
from store.commands.meeting_day import CitizenCancelled, RecordInvitation
from store.commands.sparring import DiscussedAtSparring
from store.facade import Store
from store.portable import VERSION, export_json, import_json
from tests.store.test_workflows import TODAY, _citizen, _course, _meeting


@pytest.fixture
def store(empty_db, clock):
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()


def test_version_2_round_trip_holds_the_new_records(store: Store, engines) -> None:
    cid = _citizen(store)
    mid = _meeting(store, cid, datetime(2026, 11, 16, 10))
    store.execute(RecordInvitation(meeting_id=mid, invited_on=date(2026, 11, 9), via="digital_post"))
    hid = store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing")).value
    store.execute(LogHearingContact(hearing_id=hid, at=datetime(2026, 11, 17, 9), note="ingen svar"))
    store.execute(RecordHearingReply(hearing_id=hid, reply_on=TODAY, reply_text="svar"))
    store.execute(DecideHearing(hearing_id=hid, outcome="no_sanction", decided_on=TODAY, reasoning="fremmer rådighed"))
    course_id = _course(store, cid)
    store.execute(SetCourseType(course_id=course_id, course_type="loentilskud"))
    store.execute(RecordMissedCourseDays(course_id=course_id, first_day=TODAY, last_day=TODAY, outcome="failure"))
    afbud = _meeting(store, cid, datetime(2026, 11, 23, 13))
    store.execute(CitizenCancelled(meeting_id=afbud, follow_up="task", task_title="Ny tid"))
    store.execute(plans.OpenPlan(citizen_id=cid, team_meeting=date(2027, 1, 14)))
    store.execute(DiscussedAtSparring(citizen_id=cid, note="drøftet"))
    first = export_json(store.engine)
    doc = json.loads(first)
    assert doc["version"] == VERSION == 2
    a = doc["citizens"][0]
    assert a["hearings"][0]["contacts"] == [{"contact": 0}] and a["hearings"][0]["reasoning"] == "fremmer rådighed"
    assert a["course_absences"][0]["hearing"] == 1 and a["sparring_notes"][0]["note"] == "drøftet"
    assert a["courses"][0]["course_type"] == "loentilskud"
    assert {m["status"] for m in a["meetings"]} == {"no_show", "afbud"}
    target = engines("target")
    import_json(target, first)
    assert export_json(target) == first


def test_a_version_1_file_still_imports(engines) -> None:
    v1 = {
        "format": "sagsdag", "version": 1, "exported_with": "sagsdag 0.1",
        "citizens": [{
            "cpr": "010190-1234", "name": "Anna", "phone": None, "email": None, "address": None,
            "first_request": "2026-01-05", "interval": None, "preferred_place": None, "interpreter_language": None,
            "status": "active", "closed_on": None, "outcome": None, "outcome_note": None, "caseworker": None,
            "flags": [], "contacts": [], "absences": [], "doctor_requests": [], "courses": [], "network": [],
            "notes": [], "tasks": [],
            "meetings": [{"start": "2026-11-16T10:00:00", "minutes": 60, "place": "jobcentre", "place_detail": None,
                          "kind": "job", "status": "no_show", "prepared": False, "preparation_note": None,
                          "summary": None, "agreement": None, "absence_accepted": False, "course": None}],
            "plans": [{"team_meeting": None, "recommendation": None, "decision": None, "decided_on": None,
                       "status": "open", "items": [{"key": "lae265", "position": 0, "done": False, "done_on": None,
                                                    "note": None}]}],
            "hearings": [{"meeting": 0, "trigger": "udeblev", "failure_date": "2026-11-16", "sent": "2026-11-16",
                          "reply_due": "2026-11-30", "decision_due": "2027-02-26", "outcome": None,
                          "decided_on": None}],
        }],
        "suppliers": [], "tasks": [],
    }
    target = engines("v1")
    summary = import_json(target, json.dumps(v1))
    assert summary.citizens == 1 and summary.meetings == 1
    doc = json.loads(export_json(target))
    assert doc["version"] == 2
    hearing = doc["citizens"][0]["hearings"][0]
    assert hearing["meeting"] == 0 and hearing["contacts"] == [] and hearing["rule"] is None
    assert doc["citizens"][0]["course_absences"] == [] and doc["citizens"][0]["meetings"][0]["invited_on"] is None
