"""CPR numbers and caseloads on the command line: JSON output masks CPR unless --full-cpr (and
logs it), import refusals never repeat a CPR number, every import is logged, and in a team
database every command shows only the named caseworker's citizens."""

from __future__ import annotations

import json
import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from store import access_log
from store.commands import citizens, meetings
from store.facade import Store
from tests.conftest import TODAY

FULL_CPR = re.compile(r"\b\d{6}-\d{4}\b")
HEADER = "cpr,name,phone,email,first_request,last_meeting,interval"


def test_deadlines_json_masks_cpr_unless_full_cpr_and_logs_that(run_cli, demo_db) -> None:
    code, out, err = run_cli("deadlines", "--json", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0, err
    rows = json.loads(out)
    assert rows and all(re.fullmatch(r"\d{6}-XXXX", r["cpr"]) for r in rows)
    assert not FULL_CPR.search(out)
    assert access_log.read() == []
    code, out, err = run_cli("deadlines", "--json", "--full-cpr", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0, err
    assert FULL_CPR.search(out)
    [entry] = access_log.read()
    assert entry.action == "full_cpr" and entry.caseworker and entry.database


def test_agenda_json_masks_cpr_unless_full_cpr_and_logs_that(run_cli, demo_db) -> None:
    code, out, err = run_cli("agenda", "--json", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0, err
    data = json.loads(out)
    assert data["meetings"] and not FULL_CPR.search(out)
    assert access_log.read() == []
    code, out, err = run_cli("agenda", "--json", "--full-cpr", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0, err
    assert FULL_CPR.search(out)
    assert [e.action for e in access_log.read()] == ["full_cpr"]


def test_an_import_refusal_never_repeats_a_cpr_number(run_cli, tmp_path, new_database) -> None:
    csv = tmp_path / "caseload.csv"
    csv.write_text(f"{HEADER}\n010190-1234,Anna Hansen,,,020290-4321,,3m\n"
                   "020285-4321,Bo 1211851234,,,2026-01-05,0202904321,\n", encoding="utf-8")
    code, _, err = run_cli("import", "caseload", str(csv), "--db", str(new_database("x")), "--today", TODAY.isoformat())
    assert code == 2
    assert "020290-XXXX" in err
    assert "4321" not in err and "1234" not in err


def test_import_caseload_is_logged(run_cli, tmp_path, new_database) -> None:
    csv = tmp_path / "caseload.csv"
    csv.write_text(f"{HEADER}\n010190-1234,Anna Hansen,,,2026-01-05,2026-09-01,3m\n", encoding="utf-8")
    code, _, err = run_cli("import", "caseload", str(csv), "--db", str(new_database("x")), "--today", TODAY.isoformat(),
                           "--caseworker", "kmj")
    assert code == 0, err
    [entry] = access_log.read()
    assert entry.action == "import_csv" and entry.caseworker == "kmj" and entry.file.endswith("caseload.csv")
    assert access_log.verify() == []


@pytest.fixture
def team_db(new_database, clock):  # type: ignore[no-untyped-def]
    """kmj has Anna (with a meeting today), abc has Carl (with a meeting today)."""
    target = new_database("team")
    for worker, cpr, name in (("kmj", "010190-1234", "Anna Hansen"), ("abc", "030375-1111", "Carl Nielsen")):
        store = Store.open(target, clock=clock, caseworker=worker)
        try:
            cid = store.execute(citizens.CreateCitizen(cpr=cpr, name=name, first_request=date(2026, 11, 2))).value
            store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 23, 10), minutes=60))
        finally:
            store.close()
    return str(target)


def test_export_json_holds_only_the_named_caseworkers_citizens(run_cli, team_db) -> None:
    code, out, err = run_cli("export", "json", "--db", team_db, "--caseworker", "kmj")
    assert code == 0, err
    names = [c["name"] for c in json.loads(out)["citizens"]]
    assert names == ["Anna Hansen"]
    assert "030375" not in out


@pytest.mark.parametrize("command", [("deadlines", "--json"), ("agenda", "--json"), ("export", "json")])
def test_without_a_caseworker_a_team_database_is_not_shown_whole(run_cli, team_db, command) -> None:
    code, out, err = run_cli(*command, "--db", team_db, "--today", TODAY.isoformat())
    assert code == 2
    assert "Carl" not in out and "Anna" not in out
    assert "--caseworker" in err and "abc" in err and "kmj" in err


def test_the_configured_caseworker_is_used(run_cli, team_db) -> None:
    home = Path(os.environ["SAGSDAG_HOME"])
    (home / "config.toml").write_text('caseworker = "abc"\n', encoding="utf-8")
    for command in (("deadlines", "--json"), ("agenda", "--json")):
        code, out, err = run_cli(*command, "--db", team_db, "--today", TODAY.isoformat())
        assert code == 0, err
        assert "Carl Nielsen" in out and "Anna Hansen" not in out


def test_the_first_paint_never_shows_a_whole_team_database(team_db) -> None:
    from store.paths import local_file
    from store.quick import quick_caseload

    path = local_file(team_db)
    assert quick_caseload(path, TODAY, None, 50) is None
    if path is not None:  # SQLite: the named caseworker's own page still comes quickly
        own = quick_caseload(path, TODAY, "kmj", 50)
        assert own is None or [r.name for r in own.rows] == ["Anna Hansen"]
