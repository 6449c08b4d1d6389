from __future__ import annotations

from tests.conftest import TODAY
from tests.pg.sql import connect


def test_demo_then_deadlines_on_the_default_database(run_cli) -> None:
    code, _, err = run_cli("demo", "--citizens", "30", "--today", TODAY.isoformat())
    assert code == 0, err
    code, out, _ = run_cli("deadlines", "--today", TODAY.isoformat())
    assert code == 0
    assert "for sent" in out


def test_demo_refuses_a_database_with_real_data(run_cli, tmp_path) -> None:
    db = tmp_path / "real.db"
    csv = tmp_path / "c.csv"
    csv.write_text("cpr,name,phone,email,first_request,last_meeting,interval\n"
                   "010190-1234,Anna Hansen,,,2026-01-05,2026-09-01,3m\n", encoding="utf-8")
    assert run_cli("import", "caseload", str(csv), "--db", str(db), "--today", TODAY.isoformat())[0] == 0
    code, _, err = run_cli("demo", "--db", str(db))
    assert code == 2 and "never writes over real data" in err
    assert connect(db).execute("select count(*) from citizen").fetchone()[0] == 1


def test_demo_can_be_rebuilt_over_an_earlier_demo(run_cli, tmp_path) -> None:
    db = str(tmp_path / "d.db")
    assert run_cli("demo", "--citizens", "25", "--db", db, "--today", TODAY.isoformat())[0] == 0
    assert run_cli("demo", "--citizens", "30", "--db", db, "--today", TODAY.isoformat())[0] == 0
    active_and_closed = connect(db).execute("select count(*) from citizen").fetchone()[0]
    assert active_and_closed == 30


def test_json_round_trip_is_exact(run_cli, demo_db, tmp_path) -> None:
    first = tmp_path / "one.json"
    second = tmp_path / "two.json"
    fresh = tmp_path / "fresh.db"
    assert run_cli("export", "json", str(first), "--db", str(demo_db))[0] == 0
    code, _, err = run_cli("import", "json", str(first), "--db", str(fresh), "--today", TODAY.isoformat())
    assert code == 0, err
    assert run_cli("export", "json", str(second), "--db", str(fresh))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_mode & 0o777 == 0o600


def test_csv_with_one_bad_date_is_refused_and_nothing_is_written(run_cli, demo_db, tmp_path) -> None:
    csv = tmp_path / "caseload.csv"
    csv.write_text(
        "cpr,name,phone,email,first_request,last_meeting,interval\n"
        "010190-1234,Anna Hansen,,,2026-01-05,2026-09-01,3m\n"
        "020285-4321,Bo Jensen,,,31-02-2026,,6w\n",
        encoding="utf-8",
    )
    before = connect(demo_db).execute("select count(*), max(id) from citizen").fetchone()
    code, _, err = run_cli("import", "caseload", str(csv), "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 2
    assert "række 3" in err and "first_request" in err  # Danish by default, as every message
    after = connect(demo_db).execute("select count(*), max(id) from citizen").fetchone()
    assert before == after
