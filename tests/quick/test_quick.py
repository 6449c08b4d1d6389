"""The quick first page says exactly what the full store says, or declines."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store.quick import quick_caseload
from store.quick.build import TARGET, source
from tests.conftest import TODAY


def test_compiled_sql_is_current() -> None:
    assert TARGET.read_text(encoding="utf-8") == source(), (
        "store/queries/caseload.py changed: run `python -m store.quick.build` and commit store/quick/compiled.py")


@pytest.mark.parametrize("limit", [5, 200])
def test_quick_page_equals_the_store_page(demo_db, demo_store, limit: int) -> None:
    quick = quick_caseload(demo_db, TODAY, None, limit)
    assert quick is not None
    assert list(quick.rows) == demo_store.caseload(limit=limit)
    assert quick.total == demo_store.count_caseload()


def test_quick_page_for_one_caseworker(demo_db, demo_store) -> None:
    con = sqlite3.connect(demo_db)
    con.execute("UPDATE citizen SET caseworker = CASE WHEN id % 2 = 0 THEN 'anna' ELSE 'bo' END")
    con.commit()
    con.close()
    from store.facade import Store

    store = Store.open(demo_db, clock=demo_store.clock, caseworker="anna")
    try:
        quick = quick_caseload(demo_db, TODAY, "anna", 200)
        assert quick is not None and quick.rows
        assert list(quick.rows) == store.caseload(limit=200)
        assert quick.total == store.count_caseload()
    finally:
        store.close()


def test_declines_when_the_rules_changed(demo_db) -> None:
    con = sqlite3.connect(demo_db)
    con.execute("UPDATE meta SET value = 'old' WHERE key = 'rules_stamp'")
    con.commit()
    con.close()
    assert quick_caseload(demo_db, TODAY, None, 50) is None


def test_declines_on_an_older_schema(demo_db) -> None:
    con = sqlite3.connect(demo_db)
    con.execute("UPDATE alembic_version SET version_num = '0001'")
    con.commit()
    con.close()
    assert quick_caseload(demo_db, TODAY, None, 50) is None


def test_declines_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "x.db"
    bogus.write_bytes(b"not a database" * 100)
    assert quick_caseload(bogus, TODAY, None, 50) is None
    assert quick_caseload(tmp_path / "missing.db", TODAY, None, 50) is None
    assert not (tmp_path / "missing.db").exists()


def test_quick_path_does_not_load_sqlalchemy() -> None:
    code = "import sys, store.quick; print(any(m.startswith('sqlalchemy') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.strip()
    assert out == "False"



def test_public_holidays_table_is_current() -> None:
    from store.quick.build import HOLIDAYS_TARGET, holidays_source

    assert HOLIDAYS_TARGET.read_text(encoding="utf-8") == holidays_source(), (
        "the holidays package changed: run `python -m store.quick.build` and commit store/quick/public_holidays.py")


def test_the_first_page_does_not_import_the_holidays_package(demo_db) -> None:
    """Importing `holidays` and building one country's calendar took ~130 ms before the first
    frame (issue 15); the page's period ends are moved off closed days from the table."""
    if not isinstance(demo_db, Path):
        pytest.skip("the quick page reads SQLite files only")
    code = ("import sys, datetime; from store.quick import quick_caseload\n"
            f"page = quick_caseload({str(demo_db)!r}, datetime.date({TODAY.year}, {TODAY.month}, {TODAY.day}), None, 200)\n"
            "print(page is not None and len(page.rows) > 0, any(m.split('.')[0] == 'holidays' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert out == ["True", "False"]


def test_the_rules_stamp_reads_the_same_holidays_version_as_importlib() -> None:
    from importlib.metadata import version

    from store.rules.stamp import holidays_version

    assert holidays_version() == version("holidays")
