"""The caseload CSV: a good file imports whole; any bad row refuses the whole file, naming
the row as a spreadsheet shows it and the column, and writes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.importers import ImportRefused, import_caseload_csv
from tests.importers.helpers import file_digest, new_engine, snapshot

TODAY = date(2026, 11, 23)
HEADER = "cpr,name,phone,email,first_request,last_meeting,interval"
FULL_CPR = re.compile(r"\d{6}-?\d{4}")


@pytest.fixture
def engine(new_database) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    engine = new_engine(new_database("x"))
    yield engine
    engine.dispose()


def write(tmp_path: Path, *lines: str, name: str = "caseload.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path


def refused(engine: Engine, path: Path) -> ImportRefused:
    before = snapshot(engine)
    with pytest.raises(ImportRefused) as info:
        import_caseload_csv(engine, path, TODAY)
    assert snapshot(engine) == before
    assert not FULL_CPR.search(str(info.value)), str(info.value)
    return info.value


def test_a_good_file_imports_citizens_held_meetings_and_intervals(engine, tmp_path) -> None:
    path = write(
        tmp_path, HEADER,
        "010190-1234,Anna Hansen,+45 20 30 40 50,anna@example.dk,2026-01-05,2026-09-01,3m",
        '020285-4321,"Jensen, Bo [bold]",,,05-02-2026,,6w',
        "030375-1111,Åse Ørn 🙂,,,05.03.2026,01.10.2026,",
        "040480-2222,Dorte,,,2026-11-02,,14d",
    )
    summary = import_caseload_csv(engine, path, TODAY)
    assert (summary.citizens, summary.meetings, summary.records) == (4, 2, 6)
    with Session(engine) as s:
        citizens = {c.cpr: c for c in s.scalars(select(Citizen))}
        assert citizens["020285-4321"].name == "Jensen, Bo [bold]"
        assert citizens["020285-4321"].first_request == date(2026, 2, 5)
        assert citizens["030375-1111"].first_request == date(2026, 3, 5)
        assert [citizens[c].interval for c in sorted(citizens)] == ["3m", "6w", None, "14d"]
        assert citizens["010190-1234"].phone == "+45 20 30 40 50"
        assert citizens["020285-4321"].phone is None and citizens["020285-4321"].email is None
        assert all(c.status == "active" and c.next_due is not None for c in citizens.values())
        meetings = s.scalars(select(Meeting).order_by(Meeting.start)).all()
        assert [(m.start, m.day, m.minutes, m.place, m.kind, m.status) for m in meetings] == [
            (datetime(2026, 9, 1, 9, 0), date(2026, 9, 1), 60, "jobcentre", "job", "held"),
            (datetime(2026, 10, 1, 9, 0), date(2026, 10, 1), 60, "jobcentre", "job", "held"),
        ]
        assert meetings[0].citizen_id == citizens["010190-1234"].id
        # Held 1 Sep + 3 months = 1 Dec (a Tuesday, open): the deadline comes from the held meeting.
        assert citizens["010190-1234"].next_due == date(2026, 12, 1)
        # Never met: first request + 7 days.
        assert citizens["040480-2222"].next_due == date(2026, 11, 9)


def test_a_byte_order_mark_semicolons_and_crlf_are_accepted(engine, tmp_path) -> None:
    path = tmp_path / "excel.csv"
    text = "\r\n".join([HEADER.replace(",", ";"), "010190-1234;Hansen, Anna;;;05-01-2026;01-09-2026;3m", ""])
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    summary = import_caseload_csv(engine, path, TODAY)
    assert (summary.citizens, summary.meetings) == (1, 1)
    with Session(engine) as s:
        assert s.scalar(select(Citizen.name)) == "Hansen, Anna"


def test_header_columns_may_come_in_any_order_with_any_case(engine, tmp_path) -> None:
    path = write(tmp_path, " Name ,CPR,interval,first_request,phone,email,last_meeting,",
                 "Anna,010190-1234,,2026-01-05,,,,", ",,,,,,,", "")
    assert import_caseload_csv(engine, path, TODAY).citizens == 1


def test_one_bad_date_refuses_the_file_naming_row_and_column(engine, tmp_path) -> None:
    path = write(tmp_path, HEADER,
                 "010190-1234,Anna Hansen,,,2026-01-05,2026-09-01,3m",
                 "020285-4321,Bo Jensen,,,2026-02-01,,",
                 "030375-1111,Carl,,,31-02-2026,,6w")
    error = refused(engine, path)
    assert error.errors == [
        'row 4, column first_request: "31-02-2026" is not a date; write it as 2026-02-28 or 28-02-2026'
    ]
    assert "row 4, column first_request" in str(error)


@pytest.mark.sqlite_only  # a file's bytes
def test_a_refused_file_leaves_the_database_file_byte_identical(engine, tmp_path) -> None:
    import_caseload_csv(engine, write(tmp_path, HEADER, "050505-0505,Eva,,,2026-01-05,,", name="first.csv"), TODAY)
    before = file_digest(engine)
    with pytest.raises(ImportRefused):
        import_caseload_csv(engine, write(tmp_path, HEADER, "010190-1234,Anna,,,2026-13-01,,"), TODAY)
    with pytest.raises(ImportRefused):  # valid rows, but Eva is already there: refused in the transaction
        import_caseload_csv(engine, write(tmp_path, HEADER, "010190-1234,Anna,,,2026-01-01,,",
                                          "050505-0505,Eva,,,2026-01-05,,"), TODAY)
    assert file_digest(engine) == before


@pytest.mark.parametrize("lines, expected", [
    ([HEADER.replace(",interval", ""), "010190-1234,A,,,2026-01-05,"], ["row 1 (header): column interval is missing"]),
    ([HEADER + ",note", "010190-1234,A,,,2026-01-05,,,x"], ['row 1 (header): column "note" is not known']),
    ([HEADER.replace("first_request", "frist_request"), "010190-1234,A,,,2026-01-05,,"],
     ['row 1 (header): column "frist_request" is not known; did you mean first_request?',
      "row 1 (header): column first_request is missing"]),
    ([HEADER + ",name", "010190-1234,A,,,2026-01-05,,,A"], ["row 1 (header): column name appears more than once"]),
    ([HEADER, "010190-1234,,,,2026-01-05,,"], ["row 2, column name: is empty; every citizen needs a name"]),
    ([HEADER, ",Anna,,,2026-01-05,,"], ["row 2, column cpr: is empty"]),
    ([HEADER, "320190-1234,Anna,,,2026-01-05,,"], ["row 2, column cpr: 320190-XXXX is not a valid CPR number"]),
    ([HEADER, "0101901234567,Anna,,,2026-01-05,,"], ["row 2, column cpr: 010190-XXXX is not a valid CPR number"]),
    ([HEADER, "010190-1234,Anna,,,,,"], ["row 2, column first_request: is empty"]),
    ([HEADER, "010190-1234,Anna,,,2026-01-05,2026-11-24,"],
     ["row 2, column last_meeting: 2026-11-24 is after today (2026-11-23); a held meeting cannot be in the future"]),
    ([HEADER, "010190-1234,Anna,,,2026-11-24,,"], ["row 2, column first_request: 2026-11-24 is after today"]),
    ([HEADER, "010190-1234,Anna,,,05/01/2026,,"], ['row 2, column first_request: "05/01/2026" is not a date; write it as YYYY-MM-DD']),
    ([HEADER, "010190-1234,Anna,,,01-01-0026,,"], ['row 2, column first_request: "01-01-0026" is outside the years 1900-2199']),
    ([HEADER, "010190-1234,Anna,,,5-1-26,,"], ['row 2, column first_request: "5-1-26" is not a date']),
    ([HEADER, "010190-1234,Anna,,,2026-01-05,,3x"], ['row 2, column interval: "3x" is not an interval; write a number and a unit']),
    ([HEADER, "010190-1234,Anna,123456789012345678901234567890123456789012,,2026-01-05,,"],
     ["row 2, column phone: is longer than 40 characters"]),
    ([HEADER, "010190-1234,Anna,,,2026-01-05,,", "010190-1234,Anna igen,,,2026-01-06,,"],
     ["row 3, column cpr: 010190-XXXX is also on row 2"]),
    ([HEADER, "0101901234,Anna,,,2026-01-05,,", "010190-1234,Anna igen,,,2026-01-06,,"],
     ["row 3, column cpr: 010190-XXXX is also on row 2"]),
    ([HEADER, "010190-1234,Anna,,,2026-01-05"], ["row 2: has 5 cells but the header has 7; check for a missing or extra ,"]),
    ([HEADER, "010190-1234,Anna,,,2026-01-05,,3m,x"], ["row 2: has 8 cells but the header has 7"]),
    ([HEADER], ["the file has a header but no citizens below it"]),
    ([HEADER, ",,,,,,"], ["the file has a header but no citizens below it"]),
    ([""], ["the file is empty; the first row must be the header cpr,name,phone,email,first_request,last_meeting,interval"]),
    ([HEADER, "010190-1234,An\x00na,,,2026-01-05,,"], ["row 2, column name: contains a NUL character"]),
])
def test_every_kind_of_problem_is_refused_and_named(engine, tmp_path, lines, expected) -> None:  # type: ignore[no-untyped-def]
    error = refused(engine, write(tmp_path, *lines))
    for want, got in zip(expected, error.errors, strict=False):
        assert want in got
    assert len(error.errors) >= len(expected)


def test_a_citizen_already_in_the_database_is_refused(engine, tmp_path) -> None:
    import_caseload_csv(engine, write(tmp_path, HEADER, "010190-1234,Anna,,,2026-01-05,,", name="a.csv"), TODAY)
    error = refused(engine, write(tmp_path, HEADER, "020285-4321,Bo,,,2026-01-05,,", "010190-1234,Anna,,,2026-01-05,,"))
    assert error.errors == ["row 3, column cpr: a citizen with CPR 010190-XXXX is already in the database"]


def test_an_empty_file_is_refused(engine, tmp_path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "the file is empty" in str(refused(engine, path))
    path.write_bytes(b"\xef\xbb\xbf")
    assert "the file is empty" in str(refused(engine, path))


def test_a_file_that_is_not_utf8_names_the_byte_and_asks_for_utf8(engine, tmp_path) -> None:
    path = write(tmp_path, HEADER, "010190-1234,Søren,,,2026-01-05,,", "020285-4321,Bodil Æbelø,,,2026-01-05,,",
                 encoding="cp1252")
    error = refused(engine, path)
    assert len(error.errors) == 1
    offset = len(HEADER) + 1 + len("010190-1234,S")
    assert error.errors[0].startswith(f"line 2: byte {offset} is not UTF-8 (1 more line has the same problem)")
    assert "save the file as UTF-8" in error.errors[0]


def test_all_problems_are_collected_not_just_the_first(engine, tmp_path) -> None:
    path = write(tmp_path, HEADER,
                 "010190-1234,,,,2026-01-05,,",
                 "020285-4321,Bo,,,2026-02-30,,",
                 "030375-1111,Carl,,,2026-01-05,,3 uger pr. gang",
                 "040480-2222,Dorte,,,2026-01-05,2030-01-01,")
    error = refused(engine, path)
    assert [e.split(":")[0] for e in error.errors] == [
        "row 2, column name", "row 3, column first_request", "row 4, column interval", "row 5, column last_meeting",
    ]


def test_many_bad_rows_are_capped_and_the_message_stays_short(engine, tmp_path) -> None:
    path = write(tmp_path, HEADER, *[f"{d:02d}0190-1234,A{d},,,not a date,," for d in range(1, 29)] * 10)
    error = refused(engine, path)
    assert len(error.errors) == 200
    assert str(error).count("\n  - ") == 20 and "200+ problems" in str(error)


def test_a_modulus_11_failure_is_only_a_warning(engine, tmp_path) -> None:
    path = write(tmp_path, HEADER, "010190-1235,Anna,,,2026-01-05,,")
    from store.parse import parse_cpr

    assert not parse_cpr("010190-1235").modulus11_ok
    summary = import_caseload_csv(engine, path, TODAY)
    assert summary.citizens == 1
    assert summary.warnings == ("row 2: CPR 010190-XXXX fails the modulus-11 check; imported anyway, please check it",)


def test_a_last_meeting_before_the_first_request_is_history_and_allowed(engine, tmp_path) -> None:
    path = write(tmp_path, HEADER, "010190-1234,Anna,,,2026-06-01,2025-12-01,")
    summary = import_caseload_csv(engine, path, TODAY)
    assert summary.meetings == 1
    assert any("before first_request; imported as history" in w for w in summary.warnings)


def test_the_stored_deadlines_match_a_full_recomputation(engine, tmp_path) -> None:
    from store.derive import refresh_all

    path = write(tmp_path, HEADER, "010190-1234,Anna,,,2026-01-05,2026-09-01,6w", "020285-4321,Bo,,,2026-11-02,,",
                 "030375-1111,Carl,,,2025-01-05,2026-08-31,")
    import_caseload_csv(engine, path, TODAY)
    columns = (Citizen.cpr, Citizen.next_due, Citizen.due_base, Citizen.due_reason, Citizen.due_raw,
               Citizen.due_paused_days, Citizen.rules_stamp)
    with Session(engine) as s:
        imported = s.execute(select(*columns).order_by(Citizen.cpr)).all()
    refresh_all(engine)
    with Session(engine) as s:
        assert s.execute(select(*columns).order_by(Citizen.cpr)).all() == imported
