"""Caseload pane: every active citizen worst first, last contact, open items and flags."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import update

from store.commands import citizens, doctor, journal_entries, meetings
from store.db.models import Citizen
from store.db.session import writing
from store.facade import Store
from store.rules import Status
from tests.conftest import TODAY
from tests.queries.build import certificate, citizen, close, contact, course, held


def test_active_citizens_worst_first_closed_left_out(store: Store) -> None:
    never_met = citizen(store, "Anna Hansen", date(2026, 1, 5))
    met = citizen(store, "Bo Jensen", date(2026, 1, 5))
    held(store, met, datetime(2026, 11, 2, 10))
    new = citizen(store, "Cecilie Dam", date(2026, 11, 20))
    gone = citizen(store, "Dorte Lund", date(2026, 1, 5))
    close(store, gone, date(2026, 11, 1))

    rows = store.caseload()
    assert [r.citizen_id for r in rows] == [never_met, new, met]
    assert [r.status for r in rows] == [Status.OVERDUE, Status.DUE_SOON, Status.OK]
    assert rows[0].days_left < 0 and rows[0].next_due < TODAY
    assert store.count_caseload() == 3


def test_undated_citizens_come_last_and_ties_go_by_name(store: Store) -> None:
    ids = {name: citizen(store, name, date(2026, 11, 16)) for name in ("Ole", "Bent", "Kim")}
    with writing(store.engine) as s:
        s.execute(update(Citizen).where(Citizen.id == ids["Bent"]).values(next_due=None))
    rows = store.caseload()
    assert [r.name for r in rows] == ["Kim", "Ole", "Bent"]
    assert rows[-1].next_due is None and rows[-1].status is None and rows[-1].days_left is None


def test_last_contact_is_the_latest_call_or_held_meeting(store: Store) -> None:
    called = citizen(store, "Anna")
    held(store, called, datetime(2026, 11, 2, 10))
    contact(store, called, datetime(2026, 11, 20, 9, 15))
    met = citizen(store, "Bo")
    contact(store, met, datetime(2026, 10, 1, 12))
    held(store, met, datetime(2026, 11, 10, 13))
    # A planned (not held) meeting is not contact.
    store.execute(meetings.PlanMeeting(citizen_id=met, start=datetime(2026, 11, 22, 9)))
    silent = citizen(store, "Carl")

    by_id = {r.citizen_id: r for r in store.caseload()}
    assert by_id[called].last_contact == datetime(2026, 11, 20, 9, 15)
    assert by_id[called].days_since_contact == 3
    assert by_id[met].last_contact == datetime(2026, 11, 10, 13)
    assert by_id[met].days_since_contact == 13
    assert by_id[silent].last_contact is None and by_id[silent].days_since_contact is None


def test_open_items_counts_each_open_thing_once(store: Store) -> None:
    cid = citizen(store, "Anna")
    certificate(store, cid, date(2026, 11, 1))
    answered = certificate(store, cid, date(2026, 10, 1))
    store.execute(doctor.RegisterAnswer(request_id=answered, answered=date(2026, 10, 10)))
    no_show = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 18, 10))).value
    store.execute(meetings.MarkNoShow(meeting_id=no_show, follow_up="hearing"))
    store.execute(journal_entries.AddTask(title="Ring til mentor", citizen_id=cid, due=date(2026, 11, 30)))
    done = store.execute(journal_entries.AddTask(title="Send brev", citizen_id=cid)).value
    store.execute(journal_entries.CompleteTask(task_id=done, done_on=TODAY))
    course(store, cid, date(2026, 9, 1), date(2027, 3, 1))  # first report due 1 Oct: missing
    course(store, cid, date(2026, 11, 20), date(2027, 6, 1), supplier="Fremtidsfabrikken")  # nothing due
    other = citizen(store, "Bo")

    by_id = {r.citizen_id: r for r in store.caseload()}
    # Exactly what the obligations model lists for her (the citizen screen's open items): the
    # next meeting; the certificate; the hearing's reply and its decision; the dated task; each
    # running course's report, three-party meeting and missing next step. The answered
    # certificate and the done task are not counted; the first period is long over and a
    # course has started (no offer owed).
    kinds = sorted(o.kind for o in store.obligations(citizen_id=cid))
    assert kinds == sorted(["next_meeting", "doctor_answer", "hearing_reply", "sanction_decision", "task",
                            "report", "three_party", "course_end", "report", "three_party", "course_end"])
    assert by_id[cid].open_items == len(kinds) == 11
    assert by_id[other].open_items == len(store.obligations(citizen_id=other)) == 1  # the next meeting


def test_flags_are_those_valid_today(store: Store) -> None:
    cid = citizen(store, "Anna")
    store.execute(citizens.AddFlag(citizen_id=cid, text_="Angst: mød hjemme"))
    store.execute(citizens.AddFlag(citizen_id=cid, text_="Udløbet", starts=date(2026, 1, 1), ends=date(2026, 11, 22)))
    store.execute(citizens.AddFlag(citizen_id=cid, text_="Fremtidig", starts=date(2026, 11, 24)))
    store.execute(citizens.AddFlag(citizen_id=cid, text_="Kun i dag", starts=TODAY, ends=TODAY))
    (row,) = store.caseload()
    assert row.flags == ("Angst: mød hjemme", "Kun i dag")
    assert [f.text for f in store.citizen_file(cid).citizen.flags] == ["Angst: mød hjemme", "Kun i dag"]


def test_search_by_name_or_cpr_and_count_agrees(store: Store) -> None:
    anna = citizen(store, "Anna Hansen", cpr="241290-1234")
    citizen(store, "Bo Jensen", cpr="010180-4321")
    hanne = citizen(store, "Hanne Berg", cpr="150575-1111")
    assert {r.citizen_id for r in store.caseload(search="han")} == {anna, hanne}
    assert store.count_caseload(search="han") == 2
    assert [r.citizen_id for r in store.caseload(search="241290")] == [anna]
    assert [r.citizen_id for r in store.caseload(search="150575-1111")] == [hanne]
    assert store.caseload(search="100%_") == [] and store.count_caseload(search="100%_") == 0


def test_pages_join_up_to_the_whole_list(store: Store) -> None:
    for i, day in enumerate((5, 3, 9, 1, 7, 2, 8)):
        citizen(store, f"Person {i}", date(2026, 11, day + 10))
    whole = store.caseload()
    pages = store.caseload(limit=3) + store.caseload(limit=3, offset=3) + store.caseload(limit=3, offset=6)
    assert pages == whole and len(whole) == 7
    assert [r.next_due for r in whole] == sorted(r.next_due for r in whole)


def test_caseworker_sees_only_own_citizens(empty_db, clock) -> None:
    mine, theirs = Store.open(empty_db, clock=clock, caseworker="mette"), Store.open(empty_db, clock=clock, caseworker="lars")
    try:
        a = citizen(mine, "Anna")
        citizen(theirs, "Bo")
        assert [r.citizen_id for r in mine.caseload()] == [a]
        assert mine.count_caseload() == 1
    finally:
        mine.close()
        theirs.close()


def test_the_filter_ignores_case_and_accents_beyond_ascii(store: Store) -> None:
    upper = citizen(store, "Mette Ågaard")
    lower = citizen(store, "Jens ågaard")
    ol = citizen(store, "Ib Ølgaard")
    jose = citizen(store, "José Nuñez")
    citizen(store, "Aage Gaard")
    for typed in ("ågaard", "Ågaard", "ÅGAARD", "agaard"):
        assert {r.citizen_id for r in store.caseload(search=typed)} == {upper, lower}, typed
        assert store.count_caseload(search=typed) == 2
    assert {r.citizen_id for r in store.caseload(search="ølgaard")} == {ol}
    assert {r.citizen_id for r in store.caseload(search="jose nunez")} == {jose}
    assert [r.citizen_id for r in store.deadlines(search="ølg")] == [ol]


def test_a_renamed_citizen_is_found_by_the_new_name(store: Store) -> None:
    cid = citizen(store, "Anna Hansen")
    store.execute(citizens.EditCitizen(citizen_id=cid, expected_version=store.citizen_file(cid).citizen.version,
                                       changes={"name": "Åse Øby"}))
    assert [r.citizen_id for r in store.caseload(search="ase oby")] == [cid]
    assert store.caseload(search="hansen") == []


def test_a_demo_caseload_is_found_by_folded_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from store.db.engine import make_engine
    from store.db.schema import upgrade
    from store.demo import generate

    engine = make_engine(tmp_path / "demo.db")
    upgrade(engine)
    generate(engine, citizens=12, seed=3, today=TODAY)
    store = Store(engine)
    name = store.caseload()[0].name
    assert name in [r.name for r in store.caseload(search=name.upper())]
