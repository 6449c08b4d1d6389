"""Every write command at the store level: a stable label that is a catalog key (the undo
journal stores it), one transaction with undo, and a change set naming what it touched."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest

from store.commands import citizens, courses, doctor, journal_entries, meetings, plans
from store.commands.base import Command
from store.commands.registry import COMMANDS, LABELS
from store.errors import Invalid, NotFound
from store.facade import Store

ROOT = Path(__file__).resolve().parents[2]

# The labels stored in undo journals before commands were values ("module.function"); they
# must stay keys, or an old entry could no longer say what it undoes.
STORED_BEFORE = {
    "citizens.create", "citizens.edit", "citizens.set_interval", "citizens.close", "citizens.add_flag",
    "meetings.plan", "meetings.edit", "meetings.mark_held", "meetings.mark_no_show", "meetings.mark_cancelled",
    "meetings.decide_hearing", "meetings.delete", "journal_entries.log_contact", "journal_entries.add_note",
    "journal_entries.edit_note", "journal_entries.add_task", "journal_entries.complete_task",
    "journal_entries.add_absence", "journal_entries.delete_row", "doctor.order", "doctor.register_answer",
    "doctor.send_reminder", "doctor.cancel", "courses.order", "courses.register_report", "courses.mark_report_read",
    "courses.adjust", "courses.stop", "courses.set_next_step", "plans.open_plan", "plans.set_team_meeting",
    "plans.tick", "plans.record_decision", "plans.add_person", "plans.edit_person", "plans.end_person",
}


@pytest.fixture
def store(empty_db, clock):  # type: ignore[no-untyped-def]
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()


def test_labels_are_unique_and_keep_every_stored_label() -> None:
    assert len(LABELS) == len(COMMANDS)
    assert STORED_BEFORE <= LABELS


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_label_is_in_the_catalog(lang: str) -> None:
    from tui.i18n.catalog import has

    assert {label for label in LABELS if not has("action." + label, lang)} == set()


def test_commands_are_frozen_values() -> None:
    for command in COMMANDS:
        assert dataclasses.is_dataclass(command) and command.__dataclass_params__.frozen, command  # type: ignore[attr-defined]
        assert issubclass(command, Command)


def _citizen(store: Store) -> int:
    return store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 1, 5))).value


def test_create_citizen_answers_the_id_and_the_change(store: Store) -> None:
    outcome = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna", first_request=date(2026, 1, 5)))
    assert outcome.changes.citizens == {outcome.value}
    assert "citizen" in outcome.changes.kinds
    assert store.undo() == "citizens.create"


def test_edit_citizen_changes_only_the_named_fields(store: Store) -> None:
    cid = _citizen(store)
    store.execute(citizens.EditCitizen(citizen_id=cid, changes={"phone": "12345678"}))
    c = store.citizen_record(cid)
    assert (c.name, c.phone) == ("Anna Hansen", "12345678")
    with pytest.raises(Invalid):
        store.execute(citizens.EditCitizen(citizen_id=cid, changes={"status": "closed"}))


def test_plan_and_no_show_with_a_hearing(store: Store) -> None:
    cid = _citizen(store)
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 20, 10))).value
    outcome = store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing"))
    assert isinstance(outcome.value, int)
    assert {"meeting", "hearing"} <= outcome.changes.kinds
    store.execute(meetings.DecideHearing(hearing_id=outcome.value, outcome="absence_accepted", decided_on=date(2026, 11, 23)))
    assert store.undo() == "meetings.decide_hearing"


def test_delete_entry_deletes_only_journal_records(store: Store) -> None:
    cid = _citizen(store)
    note = store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="n")).value
    outcome = store.execute(journal_entries.DeleteEntry(kind="note", row_id=note))
    assert outcome.changes.kinds >= {"case_note"}
    assert store.citizen_file(cid).notes == ()
    with pytest.raises(Invalid):
        store.execute(journal_entries.DeleteEntry(kind="citizen", row_id=cid))  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        store.execute(journal_entries.DeleteEntry(kind="note", row_id=note))


def test_certificate_course_and_plan_commands(store: Store) -> None:
    cid = _citizen(store)
    rid = store.execute(doctor.OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Lægehuset",
                                                sent=date(2026, 11, 2))).value
    store.execute(doctor.SendReminder(request_id=rid))
    store.execute(doctor.RegisterAnswer(request_id=rid, answered=date(2026, 11, 20)))
    store.execute(doctor.RecordUse(request_id=rid, answer_use="til planen"))
    course = store.execute(courses.OrderCourse(citizen_id=cid, supplier="Jobværkstedet", title="Afklaring",
                                               start=date(2026, 9, 1), end=date(2026, 12, 1))).value
    report = store.execute(courses.RegisterReport(course_id=course, received=date(2026, 10, 3))).value
    store.execute(courses.MarkReportRead(report_id=report))
    store.execute(courses.ThreePartyHeld(course_id=course, held_on=date(2026, 11, 20)))
    store.execute(courses.AdjustCourse(course_id=course, plan="ny plan"))
    store.execute(courses.SetNextStep(course_id=course, next_step="praktik"))
    store.execute(courses.StopCourse(course_id=course, reason="slut", stopped_on=date(2026, 11, 23)))
    plan = store.execute(plans.OpenPlan(citizen_id=cid)).value
    item = store.citizen_file(cid).plans[0].items[0].id
    store.execute(plans.TickPlanItem(item_id=item, done=True))
    store.execute(plans.SetTeamMeeting(plan_id=plan, team_meeting=date(2026, 12, 10)))
    person = store.execute(plans.AddPerson(citizen_id=cid, role="mentor", name="Søren")).value
    store.execute(plans.EditPerson(person_id=person, changes={"organisation": "SOF"}))
    store.execute(plans.EndPerson(person_id=person, ends=date(2026, 11, 23)))
    store.execute(plans.RecordDecision(plan_id=plan, recommendation="ressourceforloeb", decision=None,
                                       decided_on=date(2026, 11, 23)))
    f = store.citizen_file(cid)
    assert f.doctor_requests[0].answer_use == "til planen"
    assert f.courses[0].status == "stopped"
    assert f.plans[0].status == "decided"
    assert f.network[0].organisation == "SOF"


def test_a_conflict_shows_what_the_user_typed(store: Store) -> None:
    from store.errors import Conflict

    cid = _citizen(store)
    with pytest.raises(Conflict) as caught:
        store.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Bo"}, expected_version=99))
    assert caught.value.mine == {"name": "Bo"}
