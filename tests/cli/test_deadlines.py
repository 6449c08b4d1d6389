from __future__ import annotations

import json
from datetime import date

from tests.conftest import TODAY


def test_json_is_worst_first_with_the_documented_fields(run_cli, demo_db) -> None:
    code, out, err = run_cli("deadlines", "--json", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) > 20
    dues = [date.fromisoformat(r["due"]) for r in rows]
    assert dues == sorted(dues)
    for r in rows:
        assert {"cpr", "name", "due", "days_left", "status"} <= r.keys()
        assert r["days_left"] == (date.fromisoformat(r["due"]) - TODAY).days
        expected = "overdue" if r["days_left"] < 0 else "due_soon" if r["days_left"] <= 7 else "ok"
        assert r["status"] == expected
    assert {r["status"] for r in rows} == {"overdue", "due_soon", "ok"}


def test_table_is_danish_and_masks_cpr(run_cli, demo_db) -> None:
    code, out, _ = run_cli("deadlines", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0
    assert "Næste samtale" in out and "for sent" in out
    _, js, _ = run_cli("deadlines", "--json", "--full-cpr", "--db", str(demo_db), "--today", TODAY.isoformat())
    first = json.loads(js)[0]["cpr"]
    assert first not in out and first[:7] + "XXXX" in out


def test_english_on_request(run_cli, demo_db) -> None:
    code, out, _ = run_cli("--lang", "en", "deadlines", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0
    assert "Next meeting" in out and "overdue" in out


def test_bad_today_is_refused_with_a_hint(run_cli, demo_db) -> None:
    code, _, err = run_cli("deadlines", "--db", str(demo_db), "--today", "23/11/2026x")
    assert code == 2
    assert "--today" in err and "ÅÅÅÅ-MM-DD" in err  # Danish by default


def test_a_file_that_is_not_a_database_gets_a_sentence_not_a_traceback(run_cli, tmp_path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is a shopping list, not a database\n" * 100)
    code, _, err = run_cli("deadlines", "--db", str(bogus))
    assert code == 2
    assert "ikke en SQLite-database" in " ".join(err.split())
    assert "Traceback" not in err
    # Not Sagsdag's file: refused, never renamed, the shopping list is intact where it was.
    assert [p.name for p in tmp_path.iterdir()] == ["notes.db"]
    assert bogus.read_bytes().startswith(b"this is a shopping list")


def test_a_narrow_terminal_leaves_out_the_reason_not_the_names(run_cli, demo_db, monkeypatch) -> None:
    """At 80 columns (piped) the reason had no room and showed as an empty column."""
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run_cli("deadlines", "--db", str(demo_db), "--today", "2026-11-23")
    assert code == 0, err
    assert "Hvorfor" not in out and "Dennis Jensen" in out
    assert not any(line.rstrip().endswith("│ │") for line in out.splitlines())
