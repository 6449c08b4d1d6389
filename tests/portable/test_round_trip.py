"""Export -> import into an empty database -> export gives the same bytes, for every entity
and every awkward kind of text."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Hearing, Meeting, Supplier, SupplierCourse
from store.derive import refresh_all
from store.portable import FORMAT, VERSION, export_json, import_json
from store.portable.spec import CITIZEN, SUPPLIER, TASK, Entity, checklist_keys, children
from tests.portable.build import CPR_A, CPR_B, CPR_C, ODD

# Columns deliberately not in the format (see store/portable/spec.py and docs/formats.md).
# `uid` names a citizen in this database's access log; an imported citizen gets a new one.
BOOKKEEPING = {"id", "created_at", "updated_at", "version", "uid"}
DERIVED = {
    "citizen": {"next_due", "due_base", "due_reason", "due_raw", "due_paused_days", "rules_stamp", "name_folded"},
    "course": {"next_report_due", "next_three_party_due"},
    "meeting": {"day"},
}


def test_export_import_export_is_byte_identical(source, engines) -> None:
    first = export_json(source)
    target = engines("target")
    summary = import_json(target, first)
    assert summary.citizens == 3 and summary.suppliers == 2 and summary.meetings == 5
    assert export_json(target) == first


def test_a_second_round_trip_is_identical_too(source, engines) -> None:
    first = export_json(source)
    second_db, third_db = engines("two"), engines("three")
    import_json(second_db, first)
    import_json(third_db, export_json(second_db).encode("utf-8"))
    assert export_json(third_db) == first


def test_odd_text_survives_exactly(source, engines) -> None:
    target = engines("target")
    import_json(target, export_json(source))
    with Session(target) as s:
        a = s.scalar(select(Citizen).where(Citizen.cpr == CPR_A))
        c = s.scalar(select(Citizen).where(Citizen.cpr == CPR_C))
        assert a.name == "Åse Ørnebjerg [bold]" and a.address.endswith(ODD)
        assert c.name == "[/]"
        assert "\u200f" in export_json(target) and "🙂" in export_json(target)


def test_the_document_shape(source) -> None:
    doc = json.loads(export_json(source))
    assert list(doc) == ["format", "version", "exported_with", "citizens", "suppliers", "tasks"]
    assert (doc["format"], doc["version"]) == (FORMAT, VERSION)
    assert [c["cpr"] for c in doc["citizens"]] == sorted([CPR_A, CPR_B, CPR_C])
    assert [s["name"] for s in doc["suppliers"]] == ["Alfa Aktør", "Zeta Jobhus ÆØÅ"]
    a = next(c for c in doc["citizens"] if c["cpr"] == CPR_A)
    assert list(a) == [f.key for f in CITIZEN.fields]
    assert [m["start"] for m in a["meetings"]] == [
        "2026-09-01T09:30:00", "2026-10-06T13:00:00", "2026-11-24T10:00:00", "2026-11-24T10:00:00",
    ]
    assert [m["status"] for m in a["meetings"][2:]] == ["planned", "cancelled"]  # insertion order kept on a tie
    assert [c["title"] for c in a["courses"]] == ["Mentor", "Afklaring [x]"]  # by start
    assert a["meetings"][0]["course"] == 1 and a["courses"][1]["supplier"] == "Zeta Jobhus ÆØÅ"
    assert a["hearings"][0]["meeting"] == 1  # the no-show
    assert a["absences"][0] == {"kind": "sickness", "start": "2026-07-01", "end": "2026-07-14", "note": ODD}
    assert [i["position"] for i in a["plans"][0]["items"]] == list(range(len(checklist_keys())))
    assert "next_due" not in a and "id" not in a
    assert [t["title"] for t in doc["tasks"]][1] == "Opdatér sagsstamme"
    b = next(c for c in doc["citizens"] if c["cpr"] == CPR_B)
    assert b["meetings"][0]["start"] == "2025-03-05T08:00:00.123456"


def test_every_column_is_exported_or_deliberately_left_out() -> None:
    """A column added to a model later must be added to the format (and its version) too."""
    def check(entity: Entity) -> None:
        exported = {f.attr for f in entity.fields if f.kind != "list"}
        parent = {entity.parent} if entity.parent else set()
        columns = set(entity.model.__table__.columns.keys())
        missing = columns - exported - parent - BOOKKEEPING - DERIVED.get(entity.name, set())
        assert not missing, f"{entity.name}: {sorted(missing)} not in the portable format"
    for entity in [CITIZEN, SUPPLIER, TASK, *children(CITIZEN)]:
        check(entity)


def test_references_point_at_the_same_records_after_import(source, engines) -> None:
    target = engines("target")
    import_json(target, export_json(source))
    with Session(target) as s:
        a = s.scalar(select(Citizen).where(Citizen.cpr == CPR_A))
        hearing = s.scalar(select(Hearing).where(Hearing.citizen_id == a.id, Hearing.meeting_id.is_not(None)))
        assert s.get(Meeting, hearing.meeting_id).status == "no_show"
        three_party = s.scalar(select(Meeting).where(Meeting.kind == "three_party"))
        course = s.get(SupplierCourse, three_party.course_id)
        assert course.title == "Afklaring [x]" and s.get(Supplier, course.supplier_id).name == "Zeta Jobhus ÆØÅ"
        assert three_party.day == three_party.start.date()


def test_import_recomputes_the_derived_deadlines(source, engines) -> None:
    refresh_all(source)
    target = engines("target")
    import_json(target, export_json(source))
    columns = ("next_due", "due_base", "due_reason", "due_raw", "due_paused_days", "rules_stamp")
    with Session(source) as s, Session(target) as t:
        want = [tuple(getattr(c, k) for k in columns) for c in s.scalars(select(Citizen).order_by(Citizen.cpr))]
        got = [tuple(getattr(c, k) for k in columns) for c in t.scalars(select(Citizen).order_by(Citizen.cpr))]
        assert got == want and all(row[0] is not None for row in got)
        want_c = [(c.next_report_due, c.next_three_party_due) for c in s.scalars(select(SupplierCourse).order_by(SupplierCourse.start))]
        got_c = [(c.next_report_due, c.next_three_party_due) for c in t.scalars(select(SupplierCourse).order_by(SupplierCourse.start))]
        assert got_c == want_c


def test_an_empty_database_round_trips(engines) -> None:
    text = export_json(engines("empty"))
    assert json.loads(text)["citizens"] == []
    target = engines("target")
    assert import_json(target, text).citizens == 0
    assert export_json(target) == text


def test_a_hand_written_file_may_leave_out_nulls_and_empty_lists(engines) -> None:
    doc = {
        "format": "sagsdag", "version": 1,
        "citizens": [{
            "cpr": "010190-1234", "name": "Ny Borger", "first_request": "2026-11-02", "status": "active",
            "meetings": [{"start": "2026-11-03T10:00", "minutes": 30, "place": "phone", "kind": "job",
                          "status": "held", "prepared": False, "absence_accepted": False}],
        }],
    }
    engine = engines("hand")
    summary = import_json(engine, json.dumps(doc))
    assert (summary.citizens, summary.meetings, summary.records) == (1, 1, 2)
    with Session(engine) as s:
        citizen = s.scalar(select(Citizen))
        assert citizen.interval is None and citizen.phone is None and citizen.next_due is not None


def test_an_existing_supplier_is_reused_not_duplicated(source, engines) -> None:
    target = engines("target")
    with Session(target) as s:
        s.add(Supplier(name="Alfa Aktør", contact="allerede her"))
        s.commit()
    summary = import_json(target, export_json(source))
    assert summary.suppliers == 1
    assert any("Alfa Aktør" in w for w in summary.warnings)
    with Session(target) as s:
        assert s.scalar(select(Supplier.contact).where(Supplier.name == "Alfa Aktør")) == "allerede her"
        assert len(s.scalars(select(Supplier)).all()) == 2
