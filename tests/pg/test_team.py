"""Team mode on one shared database, on SQLite and on PostgreSQL: each caseworker sees only
their own caseload, a team leader can look read-only, and two people saving the same record
never lose each other's changes (the later save gets Conflict with both versions)."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime

import pytest

from store.commands import citizens, journal_entries
from store.errors import Conflict, ReadOnly
from store.facade import Store
from tests.conftest import TODAY
from tests.pg.sql import connect

HEADER = "cpr,name,phone,email,first_request,last_meeting,interval"


def _open(db_url: str, clock, caseworker: str | None = None, **kw) -> Store:  # type: ignore[no-untyped-def]
    return Store.open(db_url, clock=clock, caseworker=caseworker, **kw)


def _deadline_names(run_cli, db_url: str, *extra: str) -> set[str]:  # type: ignore[no-untyped-def]
    code, out, err = run_cli("deadlines", "--json", "--db", db_url, "--today", TODAY.isoformat(), *extra)
    assert code == 0, err
    return {row["name"] for row in json.loads(out)}


def test_each_caseworker_sees_only_their_own_caseload(run_cli, db_url, clock) -> None:
    mette, lars = _open(db_url, clock, "mette"), _open(db_url, clock, "lars")
    try:
        mette.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2)))
        mette.execute(citizens.CreateCitizen(cpr="020285-4321", name="Bo Jensen", first_request=date(2026, 11, 2)))
        lars.execute(citizens.CreateCitizen(cpr="030375-1111", name="Carl Nielsen", first_request=date(2026, 11, 2)))
        assert {r.name for r in mette.deadlines()} == {"Anna Hansen", "Bo Jensen"}
        assert {r.name for r in lars.deadlines()} == {"Carl Nielsen"}
    finally:
        mette.close()
        lars.close()
    with connect(db_url) as db:  # writes stamp the signed-in caseworker on the citizens they create
        stamped = dict(db.execute("select name, caseworker from citizen").fetchall())
    assert stamped == {"Anna Hansen": "mette", "Bo Jensen": "mette", "Carl Nielsen": "lars"}
    assert _deadline_names(run_cli, db_url, "--caseworker", "mette") == {"Anna Hansen", "Bo Jensen"}
    assert _deadline_names(run_cli, db_url, "--caseworker", "lars") == {"Carl Nielsen"}
    # A team leader opens Lars's caseload read-only and sees exactly his.
    assert _deadline_names(run_cli, db_url, "--caseworker", "lars", "--read-only") == {"Carl Nielsen"}
    # Without a caseworker a team database is not shown whole: a sentence says whose to show.
    code, out, err = run_cli("deadlines", "--json", "--db", db_url, "--today", TODAY.isoformat())
    assert code == 2 and out == "" and "--caseworker" in err


def test_import_and_demo_assign_the_caseworker(run_cli, db_url, tmp_path) -> None:
    csv = tmp_path / "lars.csv"
    csv.write_text(f"{HEADER}\n010190-1234,Anna Hansen,,,2026-01-05,2026-09-01,3m\n", encoding="utf-8")
    code, _, err = run_cli("import", "caseload", str(csv), "--db", db_url, "--caseworker", "lars",
                           "--today", TODAY.isoformat())
    assert code == 0, err
    assert _deadline_names(run_cli, db_url, "--caseworker", "lars") == {"Anna Hansen"}
    assert _deadline_names(run_cli, db_url, "--caseworker", "mette") == set()


def test_demo_caseload_belongs_to_the_caseworker(run_cli, new_database) -> None:
    from store.db.engine import to_url

    url = to_url(new_database("demo"))
    code, _, err = run_cli("demo", "--citizens", "12", "--db", url, "--caseworker", "mette", "--today", TODAY.isoformat())
    assert code == 0, err
    assert _deadline_names(run_cli, url, "--caseworker", "mette")
    assert _deadline_names(run_cli, url, "--caseworker", "lars") == set()


def test_read_only_refuses_every_write(run_cli, db_url, clock, tmp_path) -> None:
    writer = _open(db_url, clock, "lars")
    cid = writer.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
    writer.close()
    csv = tmp_path / "more.csv"
    csv.write_text(f"{HEADER}\n020285-4321,Bo Jensen,,,2026-01-05,,3m\n", encoding="utf-8")
    code, _, err = run_cli("import", "caseload", str(csv), "--db", db_url, "--read-only", "--today", TODAY.isoformat())
    assert code == 2 and "read-only" in err
    code, _, err = run_cli("demo", "--db", db_url, "--read-only")
    assert code == 2 and "read-only" in err

    leader = _open(db_url, clock, "lars", read_only=True)
    try:
        assert [r.name for r in leader.deadlines()] == ["Anna Hansen"]
        with pytest.raises(ReadOnly):
            leader.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Changed"}))
        with pytest.raises(ReadOnly):
            leader.undo()
        # Even a write that goes around the store is refused by the database itself.
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        with pytest.raises(DBAPIError):
            with leader.engine.begin() as conn:
                conn.execute(text("update citizen set name = 'Changed'"))
    finally:
        leader.close()
    with connect(db_url) as db:
        assert db.execute("select name from citizen").fetchall() == [("Anna Hansen",)]


def test_the_later_save_of_a_citizen_gets_both_versions_and_nothing_is_lost(db_url, clock) -> None:
    mette, lars = _open(db_url, clock, "mette"), _open(db_url, clock, "mette")
    try:
        cid = mette.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
        seen_by_mette = mette.citizen_record(cid)
        seen_by_lars = lars.citizen_record(cid)
        assert seen_by_mette.version == seen_by_lars.version == 1
        mette.execute(citizens.EditCitizen(citizen_id=cid, expected_version=seen_by_mette.version, changes={"phone": "12345678"}))
        with pytest.raises(Conflict) as info:
            lars.execute(citizens.EditCitizen(citizen_id=cid, expected_version=seen_by_lars.version, changes={"email": "anna@example.dk"}))
        conflict = info.value
        assert conflict.code == "record.conflict" and conflict.kind == "citizen" and conflict.ident == cid
        assert (conflict.expected, conflict.found) == (1, 2)
        assert conflict.theirs is not None and conflict.theirs["phone"] == "12345678"
        assert conflict.theirs["version"] == 2 and conflict.theirs["email"] is None
        assert conflict.mine is not None and conflict.mine["email"] == "anna@example.dk"
        stored = lars.citizen_record(cid)
        assert (stored.phone, stored.email, stored.version) == ("12345678", None, 2)
        # Lars reloads and saves again: both changes are kept.
        lars.execute(citizens.EditCitizen(citizen_id=cid, expected_version=stored.version, changes={"email": "anna@example.dk"}))
        final = mette.citizen_record(cid)
        assert (final.phone, final.email, final.version) == ("12345678", "anna@example.dk", 3)
    finally:
        mette.close()
        lars.close()


def test_the_later_save_of_a_note_gets_both_versions(db_url, clock) -> None:
    mette, lars = _open(db_url, clock), _open(db_url, clock)
    try:
        cid = mette.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
        note = mette.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="første udkast")).value
        mette.execute(journal_entries.EditNote(note_id=note, expected_version=1, text_="Mettes version"))
        with pytest.raises(Conflict) as info:
            lars.execute(journal_entries.EditNote(note_id=note, expected_version=1, text_="Lars' version"))
        assert info.value.theirs["text"] == "Mettes version"
        assert info.value.mine["text_"] == "Lars' version"
        with connect(db_url) as db:
            assert db.execute("select text, version from case_note where id = ?", (note,)).fetchone() == ("Mettes version", 2)
    finally:
        mette.close()
        lars.close()


def test_simultaneous_saves_one_wins_one_conflicts(db_url, clock) -> None:
    """Two saves on the same version at the same moment, many times: the write transactions
    are serialised (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so exactly one
    of each pair is stored and the other is told."""
    stores = [_open(db_url, clock), _open(db_url, clock)]
    try:
        cid = stores[0].execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
        for round_ in range(15):
            version = stores[0].citizen_record(cid).version
            barrier = threading.Barrier(2)
            outcome: list[str] = []

            def save(store: Store, who: str) -> None:
                barrier.wait()
                try:
                    store.execute(citizens.EditCitizen(citizen_id=cid, expected_version=version, changes={"address": f"{who} {round_}"}))
                    outcome.append(f"saved {who}")
                except Conflict:
                    outcome.append("conflict")

            threads = [threading.Thread(target=save, args=(s, w)) for s, w in zip(stores, ("a", "b"))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert sorted(outcome)[0] == "conflict" and sorted(outcome)[1].startswith("saved"), outcome
            winner = sorted(outcome)[1].split()[1]
            stored = stores[1].citizen_record(cid)
            assert (stored.address, stored.version) == (f"{winner} {round_}", version + 1)
    finally:
        for s in stores:
            s.close()
