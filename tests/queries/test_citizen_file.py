"""Citizen screen: the whole file, its red thread newest first, and its open items."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from store.commands import courses, doctor, journal_entries, meetings, plans
from store.errors import NotFound
from store.facade import Store
from tests.queries.build import certificate, citizen, close, contact, course, held


def _full_case(store: Store) -> dict[str, int]:
    cid = citizen(store, "Anna Hansen", date(2026, 1, 5))
    ids = {"citizen": cid}
    ids["meeting"] = held(store, cid, datetime(2026, 9, 1, 10), summary="Talte om praktik\nAftalt: ring i næste uge")
    ids["no_show"] = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 18, 10))).value
    ids["hearing"] = store.execute(meetings.MarkNoShow(meeting_id=ids["no_show"], follow_up="hearing")).value
    store.execute(meetings.DecideHearing(hearing_id=ids["hearing"], outcome="absence_accepted", decided_on=date(2026, 11, 21)))
    ids["contact"] = contact(store, cid, datetime(2026, 11, 20, 9, 15), note="Ringede om bus\nkort")
    ids["note"] = store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 22, 14), text_="Første linje\nanden linje")).value
    ids["doctor"] = certificate(store, cid, date(2026, 10, 1), doctor_name="Lægehuset Vest")
    store.execute(doctor.RegisterAnswer(request_id=ids["doctor"], answered=date(2026, 10, 12), answer_use="Bruges til plan"))
    ids["course"] = course(store, cid, date(2026, 9, 2), date(2027, 3, 1), title="Afklaring")
    ids["report"] = store.execute(courses.RegisterReport(course_id=ids["course"], received=date(2026, 10, 3), summary="God start")).value
    ids["absence"] = store.execute(journal_entries.AddAbsence(citizen_id=cid, kind="sickness", first_day=date(2026, 10, 5), last_day=date(2026, 10, 9), note="Influenza")).value
    ids["plan"] = store.execute(plans.OpenPlan(citizen_id=cid, team_meeting=date(2026, 12, 10))).value
    ids["task"] = store.execute(journal_entries.AddTask(title="Ring til mentor", citizen_id=cid, due=date(2026, 11, 30))).value
    ids["network"] = store.execute(plans.AddPerson(citizen_id=cid, role="mentor", name="Søren", organisation="SOF", starts=date(2026, 9, 15))).value
    return ids


def test_file_holds_every_kind_of_record(store: Store) -> None:
    ids = _full_case(store)
    f = store.citizen_file(ids["citizen"])
    assert f.citizen.name == "Anna Hansen"
    assert [m.id for m in f.meetings] == [ids["meeting"], ids["no_show"]]
    assert [c.id for c in f.contacts] == [ids["contact"]]
    assert [n.id for n in f.notes] == [ids["note"]]
    assert [a.id for a in f.absences] == [ids["absence"]]
    assert [d.id for d in f.doctor_requests] == [ids["doctor"]]
    (c,) = f.courses
    assert (c.id, c.supplier_name, [r.id for r in c.reports]) == (ids["course"], "Jobværkstedet", [ids["report"]])
    (plan,) = f.plans
    assert plan.id == ids["plan"] and [i.key for i in plan.items][:2] == ["goals", "resources"]
    assert [p.id for p in f.network] == [ids["network"]]
    assert [t.id for t in f.tasks] == [ids["task"]]
    assert [h.id for h in f.hearings] == [ids["hearing"]]


def test_unknown_citizen_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.citizen_file(999)
    with pytest.raises(NotFound):
        store.obligations(citizen_id=999)


def test_timeline_is_complete_newest_first_and_keeps_the_words(store: Store) -> None:
    ids = _full_case(store)
    entries = store.timeline(ids["citizen"])
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    kinds = [(e.kind, e.ref_id) for e in entries]
    assert kinds == [
        ("course_end", ids["course"]),
        ("plan", ids["plan"]),
        ("task", ids["task"]),
        ("plan_prep", ids["plan"]),  # the team date's preparation deadline: 14 days before
        ("note", ids["note"]),
        ("hearing_decision", ids["hearing"]),
        ("contact", ids["contact"]),
        ("meeting", ids["no_show"]),
        ("hearing", ids["hearing"]),
        ("doctor_answer", ids["doctor"]),
        ("absence", ids["absence"]),
        ("report", ids["report"]),
        ("doctor", ids["doctor"]),
        ("network", ids["network"]),
        ("course", ids["course"]),
        ("meeting", ids["meeting"]),
    ]
    by_kind = {(e.kind, e.ref_id): e for e in entries}
    meeting = by_kind["meeting", ids["meeting"]]
    assert meeting.at == datetime(2026, 9, 1, 10) and meeting.status == "held"
    assert meeting.detail == "Talte om praktik\nAftalt: ring i næste uge"
    assert by_kind["meeting", ids["no_show"]].status == "no_show"
    note = by_kind["note", ids["note"]]
    assert (note.title, note.detail) == ("Første linje", "Første linje\nanden linje")
    assert by_kind["contact", ids["contact"]].status == "reached"
    assert by_kind["doctor", ids["doctor"]].title == "LÆ 125 · Lægehuset Vest"
    assert by_kind["doctor_answer", ids["doctor"]].detail == "Bruges til plan"
    assert by_kind["doctor_answer", ids["doctor"]].at == datetime.combine(date(2026, 10, 12), time.min)
    assert by_kind["course", ids["course"]].title == "Jobværkstedet · Afklaring"
    assert by_kind["report", ids["report"]].detail == "God start"
    assert by_kind["hearing_decision", ids["hearing"]].status == "absence_accepted"
    assert by_kind["absence", ids["absence"]].status == "sickness"
    assert by_kind["task", ids["task"]].status == "open"
    assert by_kind["network", ids["network"]].title == "Søren · SOF"


def test_timeline_of_an_empty_case_is_empty(store: Store) -> None:
    assert store.timeline(citizen(store, "Bo")) == []


def test_open_items_of_one_citizen(store: Store) -> None:
    # The citizen screen's open items are the obligations model's, for the one citizen.
    cid = citizen(store, "Anna", date(2026, 11, 16))  # first meeting due 23 Nov
    other = citizen(store, "Bo")
    certificate(store, other, date(2026, 9, 1))
    req = certificate(store, cid, date(2026, 11, 2))  # due 16 Nov
    task = store.execute(journal_entries.AddTask(title="Ring", citizen_id=cid, due=date(2026, 12, 1))).value
    items = store.obligations(citizen_id=cid)
    assert [(i.kind, i.ref_id) for i in items][:2] == [("doctor_answer", req), ("next_meeting", cid)]
    assert ("task", task) in [(i.kind, i.ref_id) for i in items]
    assert all(i.citizen_id == cid for i in items)
    assert [i.due for i in items] == sorted(i.due for i in items)

    # A closed case has nothing due, its tasks included (the obligations model's rule; the
    # old per-citizen query kept the task).
    close(store, cid, date(2026, 11, 23))
    assert store.obligations(citizen_id=cid) == []
