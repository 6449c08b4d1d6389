"""`sagsdag due`: one hand-worked case per kind (tests/store/obligation_cases.py), the JSON
keys, masking, the default horizon and worst-first order."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.conftest import TODAY
from tests.store.obligation_cases import EXPECTED, UNTIL, build

KEYS = {"cpr", "name", "kind", "due", "days_left", "status", "planned", "reason"}


@pytest.fixture
def cases(empty_db):  # type: ignore[no-untyped-def]
    from store.clock import Clock
    from store.facade import Store

    store = Store.open(empty_db, clock=Clock(TODAY))
    try:
        ids = build(store)
    finally:
        store.close()
    return empty_db, ids


def _due(run_cli, db, *more: str) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, err = run_cli("due", "--json", "--db", str(db), "--today", TODAY.isoformat(), *more)
    assert code == 0, err
    return json.loads(out)


def test_every_kind_matches_the_hand_worked_case(run_cli, cases) -> None:
    db, _ids = cases
    rows = _due(run_cli, db, "--until", UNTIL.isoformat())
    for kind, (name, due, left, status, planned) in EXPECTED.items():
        found = [r for r in rows if r["kind"] == kind and r["name"] == name]
        assert len(found) == 1, (kind, [r for r in rows if r["name"] == name])
        row = found[0]
        assert (row["due"], row["days_left"], row["status"], row["planned"]) == (due, left, status, planned), kind
        assert row["reason"]
    assert {r["name"] for r in rows} == {name for name, *_ in EXPECTED.values()}


def test_a_closed_case_has_nothing_due(run_cli, cases) -> None:
    db, _ = cases
    assert not [r for r in _due(run_cli, db, "--until", "2030-01-01") if r["name"] == "Lars Lukket"]


def test_json_keys_masking_and_order(run_cli, cases) -> None:
    db, _ = cases
    rows = _due(run_cli, db, "--until", UNTIL.isoformat())
    assert rows and all(set(r) == KEYS for r in rows)
    assert all(r["cpr"].endswith("-XXXX") for r in rows)
    rank = {"overdue": 0, "soon": 1, "ok": 2}
    order = [(rank[r["status"]], r["due"]) for r in rows]
    assert order == sorted(order)
    full = _due(run_cli, db, "--until", UNTIL.isoformat(), "--full-cpr")
    assert {r["cpr"] for r in full} >= {"010185-1001", "020286-1002"}


def test_default_horizon_is_two_weeks_and_keeps_old_overdue(run_cli, cases) -> None:
    db, _ = cases
    rows = _due(run_cli, db)
    horizon = TODAY + timedelta(days=14)
    assert all(date.fromisoformat(r["due"]) <= horizon for r in rows)
    assert any(r["kind"] == "first_period" and r["days_left"] == -49 for r in rows)
    assert not any(r["kind"] == "rehab_team" for r in rows)  # due 23 Dec, beyond 7 Dec


def test_reasons_name_the_rule_and_numbers(run_cli, cases) -> None:
    db, _ = cases
    by_kind = {r["kind"]: r["reason"] for r in _due(run_cli, db, "--until", UNTIL.isoformat())
               if EXPECTED.get(r["kind"], ("",))[0] == r["name"]}
    assert "LAB § 31, stk. 3" in by_kind["first_period"] and "3 af 4" in by_kind["first_period"]
    assert "LAS § 35, stk. 3" in by_kind["sanction_decision"] and "ingen partshøring" in by_kind["sanction_decision"]
    assert "LÆ 125" in by_kind["doctor_answer"] and "14 dage" in by_kind["doctor_answer"]
    assert "7 dages frist" in by_kind["report"]
    assert "(standard)" in by_kind["three_party"] and "10-09-2026" in by_kind["three_party"]
    assert "6 mdr." in by_kind["offer"]
    assert "14 dage før" in by_kind["rehab_team"] and "5 af 7" in by_kind["rehab_team"]


def test_table_shows_booking(run_cli, cases, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    db, _ = cases
    code, out, err = run_cli("due", "--db", str(db), "--today", TODAY.isoformat(), "--until", UNTIL.isoformat())
    assert code == 0, err
    assert "planlagt 27-11 10.00" in out and "ikke booket" in out and "for sent" in out


@pytest.mark.parametrize("width", ["80", "100"])
def test_a_narrow_terminal_still_shows_every_name_and_booking(run_cli, cases, monkeypatch, width) -> None:
    """Piped output is 80 columns wide: every column used to be squeezed, the names to nothing."""
    monkeypatch.setenv("COLUMNS", width)
    db, _ = cases
    rows = _due(run_cli, db, "--until", UNTIL.isoformat())
    code, out, err = run_cli("due", "--db", str(db), "--today", TODAY.isoformat(), "--until", UNTIL.isoformat())
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= int(width)
    words = set(out.replace("│", " ").split())
    for row in rows:
        assert set(row["name"].split()) <= words, row["name"]
    assert "planlagt 27-11" in out and "ikke booket" in out  # the time may wrap at 80
