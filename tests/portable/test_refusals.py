"""Every kind of bad document is refused as a whole, says where, and writes nothing."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from store.importers import ImportRefused as SharedRefused
from store.portable import ImportRefused, export_json, import_json
from tests.importers.helpers import file_digest, snapshot
from tests.portable.build import CPR_A, CPR_B, full_database

FULL_CPR = re.compile(r"\d{6}-?\d{4}")


@pytest.fixture
def good(source) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(export_json(source))


def a_of(doc: dict) -> dict:
    return next(c for c in doc["citizens"] if c["cpr"] == CPR_A)


def refused(engine, text: str | bytes) -> str:  # type: ignore[no-untyped-def]
    before = snapshot(engine)
    with pytest.raises(ImportRefused) as info:
        import_json(engine, text)
    assert snapshot(engine) == before
    message = str(info.value)
    assert message.startswith("Nothing was imported")
    assert not FULL_CPR.search(message), message  # never a whole CPR number in a message
    return message


def test_the_class_is_shared_with_the_csv_importer() -> None:
    assert ImportRefused is SharedRefused


def mutate(path: str, value: Any) -> Callable[[dict], None]:
    """Set a value by a dotted path like "citizens.1.meetings.0.start"; DELETE removes it."""
    def apply(doc: dict) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        key: Any = int(last) if isinstance(node, list) else last
        if value is DELETE:
            del node[key]
        else:
            node[key] = value
    return apply


DELETE = object()
# citizens[1] is CPR_A (the file is ordered by CPR: 010185-, 010190-, 311299-).
BAD_DOCUMENTS = [
    ("bad datetime", mutate("citizens.1.meetings.0.start", "2026-13-01"),
     'citizens[1].meetings[0].start: "2026-13-01" is not a date and time (use YYYY-MM-DDTHH:MM:SS'),
    ("bad date", mutate("citizens.1.first_request", "2026-02-30"),
     'citizens[1].first_request: "2026-02-30" is not a date (use YYYY-MM-DD)'),
    ("year typo", mutate("citizens.1.meetings.0.start", "0226-09-01T09:30:00"),
     'citizens[1].meetings[0].start: "0226-09-01T09:30:00" is outside the years 1900-2199; check the year'),
    ("far future", mutate("citizens.1.courses.0.end", "9999-12-31"), "is outside the years 1900-2199"),
    ("danish date", mutate("citizens.1.absences.0.start", "01-07-2026"),
     'citizens[1].absences[0].start: "01-07-2026" is not a date (use YYYY-MM-DD)'),
    ("enum", mutate("citizens.1.meetings.1.status", "maybe"),
     'citizens[1].meetings[1].status: "maybe" is not one of planned, held, no_show, cancelled'),
    ("missing key", mutate("citizens.0.name", DELETE), "citizens[0].name: is missing"),
    ("null required", mutate("citizens.0.first_request", None), "citizens[0].first_request: is null, but a value is required"),
    ("unknown key", mutate("citizens.0.meetngs", []), 'citizens[0]: unknown key "meetngs" (did you mean meetings?)'),
    ("int as string", mutate("citizens.1.meetings.0.minutes", "60"),
     'citizens[1].meetings[0].minutes: should be a whole number, not "60"'),
    ("bool as int", mutate("citizens.1.meetings.0.prepared", 1), "citizens[1].meetings[0].prepared: should be true or false, not 1"),
    ("int out of range", mutate("citizens.1.meetings.0.minutes", 0), "citizens[1].meetings[0].minutes: 0 is outside 1-1440"),
    ("float", mutate("citizens.1.doctor_requests.0.reminders", 2.0), "reminders: should be a whole number, not 2.0"),
    ("interval", mutate("citizens.1.interval", "3x"), 'citizens[1].interval: "3x" is not an interval (like 3m, 6w or 14d)'),
    ("cadence", mutate("citizens.1.courses.0.report_cadence", ""), "citizens[1].courses[0].report_cadence"),
    ("cpr date", mutate("citizens.1.cpr", "320190-1234"), "citizens[1].cpr: 320190-XXXX is not a valid CPR number"),
    ("cpr shape", mutate("citizens.1.cpr", "12"), "citizens[1].cpr: 12 is not a valid CPR number"),
    ("cpr number", mutate("citizens.1.cpr", 101901234), "citizens[1].cpr: should be a string, not a value"),
    ("duplicate cpr", mutate("citizens.2.cpr", CPR_B), "citizens[2].cpr: 010185-XXXX is also citizens[0]"),
    ("empty name", mutate("citizens.2.name", "  "), "citizens[2].name: is empty"),
    ("too long", mutate("citizens.1.phone", "1" * 41), "citizens[1].phone: is 41 characters long; at most 40 fit"),
    ("nul", mutate("citizens.1.notes.0.text", "a\x00b"), "citizens[1].notes[0].text: contains a NUL character"),
    ("surrogate", mutate("citizens.1.notes.0.text", "a\ud800b"), "citizens[1].notes[0].text: contains an unpaired surrogate"),
    ("unknown supplier", mutate("citizens.1.courses.0.supplier", "Ukendt"),
     'citizens[1].courses[0].supplier: "Ukendt" is not the name of one of the suppliers in the file'),
    ("course index", mutate("citizens.1.meetings.0.course", 7),
     "citizens[1].meetings[0].course: 7 is not an index into this citizen's courses (there are 2: 0-1)"),
    ("negative index", mutate("citizens.1.meetings.0.course", -1), "citizens[1].meetings[0].course: should be null or an index"),
    ("meeting index", mutate("citizens.1.hearings.0.meeting", 4),
     "citizens[1].hearings[0].meeting: 4 is not an index into this citizen's meetings (there are 4: 0-3)"),
    ("absence order", mutate("citizens.1.absences.0.end", "2026-06-30"),
     "citizens[1].absences[0].end: 2026-06-30 is before start 2026-07-01"),
    ("course order", mutate("citizens.1.courses.0.end", "2026-01-01"), "citizens[1].courses[0].end: 2026-01-01 is before start"),
    ("duplicate supplier", mutate("suppliers.1.name", "Alfa Aktør"), "suppliers[1].name: the name is also suppliers[0]"),
    ("list not list", mutate("citizens.0.meetings", {}), "citizens[0].meetings: should be a list [...], not an object"),
    ("record not object", mutate("citizens.0", "x"), 'citizens[0]: should be an object {...}, not "x"'),
    ("top-level tasks", mutate("tasks.0.due", "i morgen"), 'tasks[0].due: "i morgen" is not a date'),
    ("unknown top key", mutate("exported_at", "2026-11-23"), 'top level: unknown key "exported_at"'),
    ("exported_with", mutate("exported_with", 3), "exported_with: should be a string, not 3"),
]


@pytest.mark.parametrize("change, expected", [case[1:] for case in BAD_DOCUMENTS], ids=[case[0] for case in BAD_DOCUMENTS])
def test_a_bad_value_refuses_the_whole_file(good, engines, change, expected) -> None:  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(good)
    change(doc)
    message = refused(engines("target"), json.dumps(doc, ensure_ascii=False))
    assert expected in message


@pytest.mark.parametrize("top, expected", [
    ({"format": "other", "version": 1}, "this is not a Sagsdag export"),
    ([1, 2], "this is not a Sagsdag export"),
    ({"format": "sagsdag"}, "version: should be a whole number such as 2, not null"),
    ({"format": "sagsdag", "version": "1"}, 'version: should be a whole number such as 2, not "1"'),
    ({"format": "sagsdag", "version": 3}, "format version 3, written by a newer Sagsdag; this one reads up to version 2. Upgrade Sagsdag"),
    ({"format": "sagsdag", "version": 0}, "version: 0 is not a format version Sagsdag has ever written"),
])
def test_another_format_or_version_is_refused_in_one_sentence(engines, top, expected) -> None:  # type: ignore[no-untyped-def]
    message = refused(engines("target"), json.dumps(top))
    assert expected in message and message.count("\n  - ") == 1


@pytest.mark.parametrize("text, expected", [
    ('{"format": "sagsdag",\n "version": 1,,}', "not valid JSON at line 2, column 15: Expecting property name"),
    (b'{"format": "sagsdag", "version": 1,\n "citizens": ["\xe6"]}', "not UTF-8 at line 2, column 16 (byte 51); save the file as UTF-8"),
    ("", "the file is empty"),
    ("  \n", "the file is empty"),
    ('{"format": "sagsdag", "version": 1, "citizens": [NaN]}', "NaN is not a JSON value"),
    ('{"format": "sagsdag", "version": 1, "version": 1}', 'top level: key "version" appears more than once'),
    ("[" * 100_000, "nested too deeply"),
])
def test_unreadable_files_are_refused_with_a_position(engines, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in refused(engines("target"), text)


def test_a_byte_order_mark_is_accepted(source, engines) -> None:
    text = export_json(source)
    assert import_json(engines("target"), ("\ufeff" + text).encode("utf-8")).citizens == 3


def test_a_citizen_already_in_the_database_is_refused_with_the_cpr_masked(source, good, engines) -> None:
    message = refused(source, json.dumps(good))
    assert "citizens[0].cpr: a citizen with CPR 010185-XXXX is already in the database" in message
    assert "citizens[2].cpr: a citizen with CPR 311299-XXXX is already in the database" in message


def test_a_refused_import_leaves_the_database_file_byte_identical(tmp_path, good) -> None:
    from tests.importers.helpers import new_engine

    engine = new_engine(tmp_path / "x.db")
    full_database(engine)
    before = file_digest(engine)
    doc = copy.deepcopy(good)
    doc["citizens"][2]["cpr"] = "020202-2222"  # only the last citizen would be new ...
    doc["citizens"][2]["meetings"] = [{"start": "nope"}]  # ... and it is broken
    with pytest.raises(ImportRefused):
        import_json(engine, json.dumps(doc))
    doc["citizens"][2]["meetings"] = []
    with pytest.raises(ImportRefused):  # valid, but the first two citizens exist already
        import_json(engine, json.dumps(doc))
    assert file_digest(engine) == before


def test_all_problems_are_collected_and_the_first_twenty_shown(good, engines) -> None:
    doc = copy.deepcopy(good)
    meeting = a_of(doc)["meetings"][0]
    a_of(doc)["meetings"] = [dict(meeting, start=f"2026-11-{day:02d}") for day in range(1, 31)]
    with pytest.raises(ImportRefused) as info:
        import_json(engines("target"), json.dumps(doc))
    assert len(info.value.errors) == 30
    message = str(info.value)
    assert "the file has 30 problems" in message and "... and 10 more" in message
    assert message.count("\n  - ") == 20


def test_deadlines_that_cannot_be_computed_refuse_the_file(source, good, engines, monkeypatch) -> None:
    import store.derive

    def overflow(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OverflowError("date value out of range")

    monkeypatch.setattr(store.derive, "citizen_deadline_values", overflow)
    message = refused(engines("target"), json.dumps(good))
    assert "citizen 010185-XXXX: no meeting deadline can be computed from these dates (date value out of range)" in message


def _first_held(doc: dict) -> tuple[int, int]:
    for c, citizen in enumerate(doc["citizens"]):
        for m, meeting in enumerate(citizen.get("meetings", [])):
            if meeting["status"] == "held":
                return c, m
    raise AssertionError("the test database holds no held meeting")


def test_held_meetings_and_first_requests_after_today_are_refused(good, engines) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from tests.importers.helpers import snapshot as snap

    doc = copy.deepcopy(good)
    c, m = _first_held(doc)
    doc["citizens"][c]["meetings"][m]["start"] = "2062-03-01T10:00"
    doc["citizens"][0]["first_request"] = "2062-01-05"
    engine = engines("target")
    before = snap(engine)
    with pytest.raises(ImportRefused) as info:
        import_json(engine, json.dumps(doc, ensure_ascii=False), date(2026, 11, 23))
    assert snap(engine) == before
    message = str(info.value)
    assert f"citizens[{c}].meetings[{m}].start: a held meeting on 2062-03-01 is after today (2026-11-23)" in message
    assert "citizens[0].first_request: 2062-01-05 is after today (2026-11-23)" in message


def test_a_planned_meeting_in_the_future_still_imports(good, engines) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    import_json(engines("target"), json.dumps(good, ensure_ascii=False), date(2026, 11, 23))
