"""Failures while writing (disk full, read-only file, file removed or replaced): a StoreError
that says what happened, the failed action leaves no trace, and everything stored before is
still there and intact."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from store.commands import journal_entries
from store.durability import DatabaseGone, DatabaseReadOnly, DiskFull, WriteFailed
from store.errors import StoreError

NOTE = "Borgeren ringede; aftalt ny samtale. " * 100


def _snapshot(store, citizen: int):  # type: ignore[no-untyped-def]
    f = store.citizen_file(citizen)
    return [(c.id, c.note) for c in f.contacts], [(n.id, n.text) for n in f.notes]


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def _on_every_connection(store, pragma: str) -> None:  # type: ignore[no-untyped-def]
    store.engine.dispose()
    event.listen(store.engine, "connect", lambda dbapi, rec: dbapi.execute(pragma))


def _write(store, citizen: int, note: str = NOTE) -> int:  # type: ignore[no-untyped-def]
    return store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 11), channel="phone", direction="in", reached=True, note=note)).value


@pytest.fixture
def citizen(demo_store) -> int:  # type: ignore[no-untyped-def]
    return demo_store.deadlines(limit=1)[0].citizen_id


def test_disk_full(demo_store, demo_db: Path, citizen: int, clock) -> None:
    before = _snapshot(demo_store, citizen)
    with sqlite3.connect(demo_db) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    _on_every_connection(demo_store, f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL on growth
    with pytest.raises(StoreError) as caught:
        _write(demo_store, citizen, NOTE * 50)  # ~190 KB: the file must grow
    assert isinstance(caught.value, DiskFull)
    assert "full" in str(caught.value) and "Nothing was changed" in str(caught.value)
    assert NOTE not in str(caught.value)
    assert _snapshot(demo_store, citizen) == before
    demo_store.close()
    assert _integrity(demo_db) == "ok"
    from store.facade import Store

    again = Store.open(demo_db, clock=clock)
    try:
        assert _snapshot(again, citizen) == before
        _write(again, citizen)  # with room again, the same write goes through
        assert len(_snapshot(again, citizen)[0]) == len(before[0]) + 1
    finally:
        again.close()


def test_read_only_database(demo_store, demo_db: Path, citizen: int) -> None:
    """As root a chmod does not stop writes, so the read-only file is injected with
    PRAGMA query_only, which fails exactly like a read-only file (SQLITE_READONLY)."""
    before = _snapshot(demo_store, citizen)
    _on_every_connection(demo_store, "PRAGMA query_only = ON")
    with pytest.raises(StoreError) as caught:
        _write(demo_store, citizen)
    assert isinstance(caught.value, DatabaseReadOnly)
    assert "read-only" in str(caught.value)
    assert _snapshot(demo_store, citizen) == before
    assert _integrity(demo_db) == "ok"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_read_only_file_by_chmod(demo_store, demo_db: Path, citizen: int) -> None:
    before = _snapshot(demo_store, citizen)
    demo_store.engine.dispose()
    os.chmod(demo_db, 0o400)
    try:
        with pytest.raises(WriteFailed) as caught:
            _write(demo_store, citizen)
        assert "read-only" in str(caught.value) or "busy" not in str(caught.value)
        assert _snapshot(demo_store, citizen) == before
    finally:
        os.chmod(demo_db, 0o600)


def test_file_removed_while_open(demo_store, demo_db: Path, citizen: int) -> None:
    """In WAL mode SQLite itself would happily write into the unlinked file and lose it on
    exit; the store refuses instead, and the moved file keeps everything."""
    _write(demo_store, citizen, "saved before")
    before = _snapshot(demo_store, citizen)
    moved = demo_db.with_name("moved.db")
    for suffix in ("", "-wal", "-shm"):
        src = demo_db.with_name(demo_db.name + suffix)
        if src.exists():
            os.rename(src, moved.with_name(moved.name + suffix))
    with pytest.raises(StoreError) as caught:
        _write(demo_store, citizen, "after removal")
    assert isinstance(caught.value, DatabaseGone)
    assert "removed" in str(caught.value)
    assert not demo_db.exists()  # nothing quietly recreated an empty database
    demo_store.close()
    assert _integrity(moved) == "ok"
    with sqlite3.connect(moved) as db:
        notes = {r[0] for r in db.execute("select note from contact_entry where citizen_id = ?", (citizen,))}
    assert "saved before" in notes and "after removal" not in notes
    assert len(before[0]) >= 1


def test_file_replaced_while_open(demo_store, demo_db: Path, citizen: int, tmp_path: Path) -> None:
    """Another window restores a backup (a rename over the file): this one must not write
    into the old, unlinked file."""
    import shutil

    copy = tmp_path / "other.db"
    demo_store.engine.dispose()
    with sqlite3.connect(demo_db) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(demo_db, copy)
    _write(demo_store, citizen, "first")  # the store now knows its file
    os.replace(copy, demo_db)
    with pytest.raises(DatabaseGone):
        _write(demo_store, citizen, "into the void")


def test_the_ui_says_what_happened() -> None:
    from tui.errors import describe
    from tui.i18n import set_language

    set_language("en")
    try:
        assert "full" in describe(DiskFull("x.db"))
        assert "read-only" in describe(DatabaseReadOnly("x.db"))
        assert "removed" in describe(DatabaseGone("x.db"))
    finally:
        set_language("da")
