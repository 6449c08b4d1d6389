from __future__ import annotations

from pathlib import Path

from tests.demo.helpers import build, rows

TABLES = ("citizen", "meeting", "contact_entry", "doctor_request", "supplier_course", "hearing", "task")


def dump(path: Path) -> dict[str, list[tuple]]:
    return {table: rows(path, f"select * from {table} order by id") for table in TABLES}


def test_same_seed_and_day_give_identical_rows(tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert build(one) == build(two)
    first, second = dump(one), dump(two)
    assert first["citizen"] and first["meeting"]
    assert first == second


def test_another_seed_gives_another_caseload(tmp_path: Path) -> None:
    build(tmp_path / "one.db", seed=1)
    build(tmp_path / "two.db", seed=2)
    names = [rows(tmp_path / f"{n}.db", "select name, cpr from citizen order by id") for n in ("one", "two")]
    assert names[0] != names[1]


def test_summary_counts_match_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    summary = build(path)
    assert summary.citizens == 48 == rows(path, "select count(*) from citizen")[0][0]
    assert summary.meetings == rows(path, "select count(*) from meeting")[0][0]
    assert 5 <= summary.suppliers <= 10
    assert summary.records > summary.meetings + summary.citizens
