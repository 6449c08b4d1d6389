"""The SQLite settings a saved record depends on, read back from a really opened database."""

from __future__ import annotations

from pathlib import Path

from store.durability import EXPECTED, describe_settings, settings_problems, sqlite_settings


def test_an_opened_store_runs_with_the_durable_settings(demo_store) -> None:
    values = sqlite_settings(demo_store.engine)
    assert values["journal_mode"] == "wal"
    assert values["synchronous"] == 2  # FULL: every commit is fsync'd before it is acknowledged
    assert values["foreign_keys"] == 1
    assert values["busy_timeout"] >= 1000
    assert settings_problems(values) == []
    for name, want in EXPECTED.items():
        assert values[name] == want


def test_every_new_connection_gets_them_not_just_the_first(demo_store) -> None:
    demo_store.engine.dispose()
    first = sqlite_settings(demo_store.engine)
    with demo_store.engine.connect():  # hold one, so the next is a second connection
        second = sqlite_settings(demo_store.engine)
    assert first == second


def test_writes_take_the_write_lock_up_front(demo_store) -> None:
    """BEGIN IMMEDIATE: a write never fails half-way with 'database is locked' after reading."""
    import sqlite3

    from sqlalchemy import text

    from store.db.session import writing

    path = Path(str(demo_store.engine.url.database))
    with writing(demo_store.engine) as session:
        session.execute(text("select 1"))  # a read only: the lock must be held already
        other = sqlite3.connect(path, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            got_lock = True
        except sqlite3.OperationalError:
            got_lock = False
        finally:
            other.close()
    assert not got_lock, "a write transaction must hold the write lock from its first statement"


def test_problems_are_named() -> None:
    bad = {"journal_mode": "delete", "synchronous": 1, "foreign_keys": 0, "busy_timeout": 0}
    problems = settings_problems(bad)
    assert len(problems) == 4
    assert any("journal_mode" in p for p in problems)
    lines = describe_settings({"synchronous": 2, "busy_timeout": 5000})
    assert lines == ["synchronous = 2 (full)", "busy_timeout = 5000 ms"]


def test_check_prints_integrity_and_settings(run_cli, demo_db: Path) -> None:
    code, out, err = run_cli("check", "--db", str(demo_db), "--lang", "en")
    assert code == 0, err
    out = " ".join(out.split())  # Rich wraps long lines
    assert "integrity check ok" in out
    assert "journal_mode = wal" in out
    assert "synchronous = 2 (full)" in out
    assert "foreign_keys = 1" in out
    assert "busy_timeout = 5000 ms" in out
