"""Opening a database: locked is not corrupt. Only a file Sagsdag made that SQLite says is not
a database (or that fails quick_check) is moved aside; a locked, unopenable or failing file
is a sentence and nothing is renamed; a file Sagsdag did not make, or one from a newer
Sagsdag, is refused and left exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest


def _listing(folder: Path) -> dict[str, bytes | None]:
    """Every name in the folder with its bytes, leaving out the -wal/-shm SQLite itself creates
    beside a WAL-mode file for any reader (the database's bytes do not change)."""
    return {p.name: (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.iterdir()) if not p.name.endswith(("-wal", "-shm"))}


def _said(err: str) -> str:
    return " ".join(err.split())  # the terminal wraps long sentences


def _delete_mode(db: Path) -> None:
    with closing(sqlite3.connect(db)) as c, c:
        c.execute("PRAGMA journal_mode=DELETE")


@pytest.fixture
def short_busy(monkeypatch):  # type: ignore[no-untyped-def]
    import store.db.engine as engine_mod

    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 200)


def test_a_database_held_by_another_program_is_a_sentence_not_a_rename(run_cli, demo_db: Path, short_busy) -> None:
    _delete_mode(demo_db)
    before = _listing(demo_db.parent)
    holder = sqlite3.connect(demo_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run_cli("deadlines", "--db", str(demo_db), "--lang", "en")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    assert "another program" in _said(err) and "try again" in _said(err), err
    assert "Traceback" not in _said(err)
    assert _listing(demo_db.parent) == before  # nothing renamed, nothing written


def test_the_held_sentence_is_danish_by_default(run_cli, demo_db: Path, short_busy) -> None:
    _delete_mode(demo_db)
    holder = sqlite3.connect(demo_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run_cli("deadlines", "--db", str(demo_db))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and "andet program" in _said(err), err


def test_unable_to_open_is_a_sentence_not_a_rename(run_cli, demo_db: Path) -> None:
    # A -wal that SQLite cannot open (here: a folder in its place) gives SQLITE_CANTOPEN, as a
    # read-only or immutable folder does.
    (demo_db.parent / (demo_db.name + "-wal")).mkdir()
    before = _listing(demo_db.parent)
    code, _, err = run_cli("deadlines", "--db", str(demo_db), "--lang", "en")
    assert code == 2
    assert "Traceback" not in _said(err)
    assert "cannot open" in _said(err) and "permissions" in _said(err), err
    assert _listing(demo_db.parent) == before


def test_a_disk_error_at_open_is_a_sentence_not_a_rename(run_cli, demo_db: Path, monkeypatch) -> None:
    real = sqlite3.connect

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 10  # type: ignore[attr-defined]
        error.sqlite_errorname = "SQLITE_IOERR"  # type: ignore[attr-defined]
        raise error

    before = _listing(demo_db.parent)
    monkeypatch.setattr(sqlite3, "connect", failing)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", failing)  # what SQLAlchemy calls
    try:
        code, _, err = run_cli("deadlines", "--db", str(demo_db), "--lang", "en")
    finally:
        monkeypatch.setattr(sqlite3, "connect", real)
        monkeypatch.setattr(sqlite3.dbapi2, "connect", real)
    assert code == 2
    assert "disk" in _said(err) and "free" in _said(err), err
    assert _listing(demo_db.parent) == before


def test_a_file_that_is_not_sqlite_is_refused_and_never_renamed(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"this is a shopping list, not a database\n" * 100)
    before = _listing(tmp_path)
    code, _, err = run_cli("deadlines", "--db", str(notes), "--lang", "en")
    assert code == 2
    assert "not an SQLite database" in _said(err) and "nothing was changed" in _said(err).lower(), err
    assert _listing(tmp_path) == before


def test_a_foreign_sqlite_database_is_refused_and_left_byte_for_byte(run_cli, tmp_path: Path) -> None:
    recipes = tmp_path / "recipes.db"
    with closing(sqlite3.connect(recipes)) as c, c:
        c.execute("create table recipes (name text)")
        c.execute("insert into recipes values ('æblekage')")
    before = _listing(tmp_path)
    code, _, err = run_cli("deadlines", "--db", str(recipes), "--lang", "en")
    assert code == 2
    assert "not a Sagsdag" in _said(err), err
    assert _listing(tmp_path) == before  # not renamed, not switched to WAL


def test_a_newer_database_is_refused_not_moved_aside(run_cli, demo_db: Path) -> None:
    with closing(sqlite3.connect(demo_db)) as c, c:
        c.execute("update alembic_version set version_num = 'ffff_from_the_future'")
    before = _listing(demo_db.parent)
    code, _, err = run_cli("deadlines", "--db", str(demo_db), "--lang", "en")
    assert code == 2
    assert "newer version" in _said(err) and "update Sagsdag" in _said(err), err
    assert "empty database" not in _said(err)
    assert _listing(demo_db.parent) == before


def test_a_damaged_sagsdag_file_is_moved_aside_and_backups_offered(run_cli, demo_db: Path) -> None:
    from store.backup import make_backup

    make_backup(demo_db, "manual")
    data = bytearray(demo_db.read_bytes())
    data[0:16] = b"not sqlite at al"  # the header is gone, Sagsdag's application id is not
    demo_db.write_bytes(bytes(data))
    code, _, err = run_cli("deadlines", "--db", str(demo_db), "--lang", "en")
    assert code == 2
    aside = [p for p in demo_db.parent.iterdir()
             if p.name.startswith("demo.db.corrupt-") and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)
    assert "moved" in _said(err) and "sagsdag restore" in _said(err)


def test_a_damaged_file_in_a_folder_that_refuses_the_rename_is_a_sentence(run_cli, demo_db: Path, monkeypatch) -> None:
    data = bytearray(demo_db.read_bytes())
    data[0:16] = b"not sqlite at al"
    demo_db.write_bytes(bytes(data))

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(demo_db))

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = run_cli("deadlines", "--db", str(demo_db), "--lang", "en")
    assert code == 2
    assert "Traceback" not in _said(err)
    assert "could not be moved" in _said(err), err
    assert demo_db.read_bytes() == bytes(data)


def test_a_new_database_carries_sagsdags_application_id(tmp_path: Path) -> None:
    from store.db.recognise import APPLICATION_ID
    from store.facade import Store

    db = tmp_path / "new.db"
    Store.open(db).close()
    with closing(sqlite3.connect(db)) as c, c:
        assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_older_sagsdag_database_without_the_id_is_recognised_and_stamped(demo_db: Path) -> None:
    from store.db.recognise import APPLICATION_ID, recognise
    from store.facade import Store

    with closing(sqlite3.connect(demo_db)) as c, c:
        c.execute("PRAGMA application_id = 0")
    found = recognise(demo_db)
    assert found.ours and found.state == "current"
    Store.open(demo_db).close()
    with closing(sqlite3.connect(demo_db)) as c, c:
        assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_postgresql_url_without_the_driver_says_which_extra_to_install(run_cli, monkeypatch) -> None:
    import sys

    for name in ("psycopg", "psycopg2"):
        monkeypatch.setitem(sys.modules, name, None)  # "import psycopg" now fails
    code, _, err = run_cli("deadlines", "--db", "postgresql://kmj@127.0.0.1:1/sagsdag", "--lang", "en")
    assert code == 2
    assert "sagsdag[postgres]" in _said(err), err
    assert "Traceback" not in _said(err)


def test_backup_restore_and_check_leave_a_foreign_database_alone(run_cli, tmp_path: Path) -> None:
    from store.backup import make_backup

    recipes = tmp_path / "recipes.db"
    with closing(sqlite3.connect(recipes)) as c, c:
        c.execute("create table recipes (name text)")
    other = tmp_path / "sagsdag-copy.db"
    from store.facade import Store

    Store.open(other).close()
    backup = make_backup(other, "manual")
    before = _listing(tmp_path)
    for args in (("check",), ("backup",), ("restore", str(backup))):
        code, _, err = run_cli(*args, "--db", str(recipes), "--lang", "en")
        assert code == 2, (args, err)
        assert "not a Sagsdag" in _said(err), err
    assert _listing(tmp_path) == before


def test_demo_refuses_a_file_sagsdag_did_not_make(run_cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"a list of things to do\n" * 200)
    recipes = tmp_path / "recipes.db"
    with closing(sqlite3.connect(recipes)) as c, c:
        c.execute("create table recipes (name text)")
    before = _listing(tmp_path)
    for target in (junk, recipes):
        code, _, err = run_cli("demo", "--citizens", "3", "--db", str(target), "--lang", "en")
        assert code == 2, err
        assert "Traceback" not in err
    assert _listing(tmp_path) == before
