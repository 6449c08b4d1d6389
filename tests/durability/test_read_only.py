"""`--read-only` writes nothing: it never creates, migrates, backs up, renames or switches the
journal mode of anything, and the database is opened with SQLite's `mode=ro`."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.conftest import TODAY


def _listing(folder: Path) -> dict[str, bytes | None]:
    """Every name in the folder with its bytes (not of -shm: SQLite's shared memory, which
    every reader updates)."""
    return {p.name: (p.read_bytes() if p.is_file() and not p.name.endswith("-shm") else None)
            for p in sorted(folder.iterdir())}


def _said(err: str) -> str:
    return " ".join(err.split())  # the terminal wraps long sentences


def _delete_mode(db: Path) -> None:
    with closing(sqlite3.connect(db)) as c, c:
        c.execute("PRAGMA journal_mode=DELETE")


def test_a_missing_database_is_not_created(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "nothing" / "here.db"
    code, _, err = run_cli("deadlines", "--read-only", "--db", str(missing), "--lang", "en")
    assert code == 2
    assert "does not exist" in _said(err), err
    assert not missing.parent.exists()


def test_a_delete_mode_file_is_read_without_a_single_byte_changing(run_cli, demo_db: Path) -> None:
    _delete_mode(demo_db)
    before = _listing(demo_db.parent)
    code, out, err = run_cli("deadlines", "--read-only", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0, err
    assert out.strip()
    assert _listing(demo_db.parent) == before  # same bytes, no -wal, no -shm, no backups


def test_junk_and_damaged_files_are_not_renamed(run_cli, tmp_path: Path, demo_db: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"junk " * 1000)
    data = bytearray(demo_db.read_bytes())
    data[0:16] = b"not sqlite at al"
    demo_db.write_bytes(bytes(data))
    before = _listing(tmp_path)
    for target in (junk, demo_db):
        code, _, err = run_cli("deadlines", "--read-only", "--db", str(target), "--lang", "en")
        assert code == 2, err
        assert "Traceback" not in _said(err)
    assert _listing(tmp_path) == before


def test_an_older_schema_is_neither_migrated_nor_backed_up(run_cli, demo_db: Path) -> None:
    from store.db.schema import head_revision

    with closing(sqlite3.connect(demo_db)) as c, c:
        c.execute("update alembic_version set version_num = '0001'")
    _delete_mode(demo_db)
    before = _listing(demo_db.parent)
    code, _, err = run_cli("deadlines", "--read-only", "--db", str(demo_db), "--lang", "en")
    if head_revision() != "0001":
        assert code == 2, err
        assert "needs an upgrade" in _said(err) and "without --read-only" in _said(err), err
    assert _listing(demo_db.parent) == before


def test_backup_and_restore_are_refused(run_cli, demo_db: Path) -> None:
    before = _listing(demo_db.parent)
    for command in ("backup", "restore"):
        code, _, err = run_cli(command, "--read-only", "--db", str(demo_db), "--lang", "en")
        assert code == 2, (command, err)
        assert "read-only" in _said(err)
    assert _listing(demo_db.parent) == before


def test_the_engine_opens_with_mode_ro(demo_db: Path) -> None:
    from store.facade import Store

    store = Store.open(demo_db, read_only=True)
    try:
        assert "mode=ro" in str(store.engine.url)
        with store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            try:
                raw.execute("create table sneaky (x)")
            except sqlite3.OperationalError as exc:
                assert "readonly" in str(exc) or "read-only" in str(exc) or "query_only" in str(exc)
            else:
                raise AssertionError("a read-only engine wrote")
    finally:
        store.close()


def test_the_app_makes_no_daily_backup_when_read_only(demo_db: Path) -> None:
    from store.clock import Clock
    from tui.cli.commands.open_app import _open
    from tui.cli.context import Context

    _delete_mode(demo_db)
    before = _listing(demo_db.parent)
    ctx = Context(db=str(demo_db), clock=Clock(TODAY), lang="da", caseworker=None, read_only=True)
    store = _open(ctx)
    try:
        store.deadlines(limit=1)
    finally:
        store.close()
    assert _listing(demo_db.parent) == before
