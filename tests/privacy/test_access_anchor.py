"""The access log is evidence: the database keeps the newest line's number and hash (and so
does every backup of it), so a cut-off tail, a rebuilt chain and a deleted file are found,
and `sagsdag check` says so and exits non-zero. Every line names the database and the
citizen's uid."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from store import access_log
from store.commands import citizens
from store.facade import Store
from tests.conftest import TODAY


def _log_three(run_cli, db: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        code, _, err = run_cli("agenda", "--json", "--full-cpr", "--db", str(db), "--today", TODAY.isoformat())
        assert code == 0, err


def _check(run_cli, db: Path) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    code, out, err = run_cli("--lang", "en", "check", "--db", str(db))
    return code, " ".join((out + err).split())  # the console wraps long sentences


def test_an_intact_log_passes_the_check(run_cli, demo_db) -> None:
    _log_three(run_cli, demo_db)
    code, text = _check(run_cli, demo_db)
    assert code == 0, text
    assert "access log is intact" in text


def test_a_removed_last_line_is_found(run_cli, demo_db) -> None:
    _log_three(run_cli, demo_db)
    path = access_log.log_path()
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))
    assert access_log.verify() == []  # the chain alone cannot see it
    code, text = _check(run_cli, demo_db)
    assert code == 1 and "cut off" in text


def test_a_deleted_log_is_found(run_cli, demo_db) -> None:
    _log_three(run_cli, demo_db)
    access_log.log_path().unlink()
    code, text = _check(run_cli, demo_db)
    assert code == 1 and "gone" in text


def test_a_rebuilt_chain_is_found(run_cli, demo_db) -> None:
    _log_three(run_cli, demo_db)
    path = access_log.log_path()
    entries = [json.loads(line) for line in path.read_bytes().splitlines()]
    del entries[0]  # an entry removed, and the chain rebuilt so that it verifies
    prev, rebuilt = "0" * 16, []
    for n, entry in enumerate(entries, 1):
        entry["n"], entry["prev"] = n, prev
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        prev = hashlib.sha256(line).hexdigest()[:16]
        rebuilt.append(line + b"\n")
    rebuilt.append(rebuilt[-1])  # and padded back to the remembered length
    path.write_bytes(b"".join(rebuilt))
    code, text = _check(run_cli, demo_db)
    assert code == 1 and "not intact" in text


def test_every_backup_carries_the_anchor(run_cli, demo_db) -> None:
    _log_three(run_cli, demo_db)
    code, _, err = run_cli("backup", "--db", str(demo_db))
    assert code == 0, err
    [backup] = [p for p in Path(f"{demo_db}.backups").iterdir() if p.suffix == ".db"]
    with sqlite3.connect(backup) as db:
        meta = dict(db.execute("select key, value from meta where key like 'access_log_%'").fetchall())
    assert meta == {"access_log_lines": "3", "access_log_head": meta["access_log_head"]}
    last = access_log.log_path().read_bytes().splitlines()[-1]
    assert meta["access_log_head"] == hashlib.sha256(last).hexdigest()[:16]


def test_each_entry_names_the_database_and_a_never_reused_citizen_uid(empty_db, clock) -> None:
    store = Store.open(empty_db, clock=clock, caseworker="kmj")
    try:
        cid = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
        store.log_access("reveal_cpr", citizen_id=cid)
        first = access_log.read()[0]
        store.undo()
        again = store.execute(citizens.CreateCitizen(cpr="020285-4321", name="Bo Jensen", first_request=date(2026, 11, 2))).value
        store.log_access("reveal_cpr", citizen_id=again)
        second = access_log.read()[0]
    finally:
        store.close()
    assert first.database and first.database == second.database
    assert "sagsdag" not in first.database  # an id, not a path that may name a person
    assert first.citizen and second.citizen and first.citizen != second.citizen


@pytest.mark.parametrize("lang, word", [("da", "ikke hel"), ("en", "not intact")])
def test_the_check_sentence_is_in_the_chosen_language(run_cli, demo_db, lang, word) -> None:
    _log_three(run_cli, demo_db)
    access_log.log_path().write_bytes(b"")
    code, out, err = run_cli("--lang", lang, "check", "--db", str(demo_db))
    assert code == 1 and word in " ".join(err.split())
