"""Every text field takes any text through the real write commands and gives back exactly the
same text: no crash, no normalisation, no truncation (beyond the documented limits, which are
refused with Invalid)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.commands import citizens, courses, doctor, journal_entries, meetings, plans
from store.errors import Invalid
from tests.fuzz.hostile import hostile, visible

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from store.clock import Clock
    from store.facade import Store

    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    s = Store.open(path, clock=Clock(TODAY))
    yield s
    s.close()


@pytest.fixture(scope="module")
def citizen(store) -> int:  # type: ignore[no-untyped-def]
    return store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Fuzz", first_request=date(2026, 1, 5))).value


def _ok_or_invalid(call):  # type: ignore[no-untyped-def]
    try:
        return call(), None
    except Invalid as exc:
        return None, exc


@FUZZ
@given(name=visible, phone=hostile, email=hostile, address=hostile)
def test_citizen_fields(store, citizen: int, name: str, phone: str, email: str, address: str) -> None:
    _, refused = _ok_or_invalid(lambda: store.execute(citizens.EditCitizen(citizen_id=citizen, changes={"name": name, "phone": phone, "email": email, "address": address})).value)
    c = store.citizen_file(citizen).citizen
    if refused is None:
        assert (c.name, c.phone or "", c.email or "", c.address or "") == (name, phone, email, address)
    else:
        assert refused.field in ("name", "phone", "email", "address")


@FUZZ
@given(text_=visible, contact=hostile)
def test_notes_and_contacts(store, citizen: int, text_: str, contact: str) -> None:
    note_id = store.execute(journal_entries.AddNote(citizen_id=citizen, at=datetime(2026, 11, 23, 9), text_=text_)).value
    entry = store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 9), channel="phone", direction="in", reached=True, note=contact)).value
    f = store.citizen_file(citizen)
    assert {n.id: n.text for n in f.notes}[note_id] == text_
    assert ({c.id: c.note for c in f.contacts}[entry] or "") == contact


@FUZZ
@given(prep=hostile, summary=hostile, agreement=hostile)
def test_meeting_texts(store, citizen: int, prep: str, summary: str, agreement: str) -> None:
    mid = store.execute(meetings.PlanMeeting(citizen_id=citizen, start=datetime(2026, 11, 20, 10), preparation_note=prep)).value
    store.execute(meetings.MarkHeld(meeting_id=mid, summary=summary, agreement=agreement))
    m = {m.id: m for m in store.citizen_file(citizen).meetings}[mid]
    assert (m.preparation_note or "", m.summary or "", m.agreement or "") == (prep, summary, agreement)


@FUZZ
@given(questions=hostile, purpose=hostile, plan_=hostile, supplier=visible)
def test_doctor_and_course_texts(store, citizen: int, questions: str, purpose: str, plan_: str, supplier: str) -> None:
    rid = store.execute(doctor.OrderCertificate(citizen_id=citizen, form="LÆ 125", doctor="Lægehuset", sent=date(2026, 11, 2), questions=questions)).value
    cid, refused = _ok_or_invalid(lambda: store.execute(courses.OrderCourse(citizen_id=citizen, supplier=supplier[:100], title="Forløb", start=date(2026, 11, 1), end=date(2027, 2, 1), purpose=purpose, plan=plan_)).value)
    f = store.citizen_file(citizen)
    assert ({d.id: d.questions for d in f.doctor_requests}[rid] or "") == questions
    if refused is None:
        course = {c.id: c for c in f.courses}[cid]
        assert (course.purpose or "", course.plan or "") == (purpose, plan_)


@FUZZ
@given(name=visible, organisation=hostile, contact=hostile, role=st.sampled_from(["mentor", "psychiatry", "other"]))
def test_network_person(store, citizen: int, name: str, organisation: str, contact: str, role: str) -> None:
    pid, refused = _ok_or_invalid(lambda: store.execute(plans.AddPerson(citizen_id=citizen, role=role, name=name, organisation=organisation, contact=contact)).value)
    if refused is None:
        p = {p.id: p for p in store.citizen_file(citizen).network}[pid]
        assert (p.name, p.organisation or "", p.contact or "") == (name, organisation, contact)


def test_a_one_megabyte_note(store, citizen: int) -> None:
    from tests.fuzz.hostile import FRAGMENTS

    block = "".join(FRAGMENTS)
    text_ = (block * (1_000_000 // len(block) + 1))[:1_000_000]
    note_id = store.execute(journal_entries.AddNote(citizen_id=citizen, at=datetime(2026, 11, 23, 9), text_=text_)).value
    assert {n.id: n.text for n in store.citizen_file(citizen).notes}[note_id] == text_
    with pytest.raises(Invalid):
        store.execute(journal_entries.AddNote(citizen_id=citizen, at=datetime(2026, 11, 23, 9), text_=text_ + "x"))
