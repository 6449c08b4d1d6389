"""Restore holds the write lock from the safety copy to the end: a save from another window
lands either in the safety copy or in the restored database, never in neither."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store.backup import make_backup
from store.backup.restore import restore


def _marks(path: Path) -> set[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as c:
        return {row[0] for row in c.execute("select key from meta where key like 'mark-%'")}


def _try_write(db: Path, key: str) -> bool:
    """One save from another program, without waiting: True when it was committed."""
    c = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        c.execute("BEGIN IMMEDIATE")
        c.execute("insert into meta (key, value) values (?, '1')", (key,))
        c.execute("COMMIT")
        return True
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc) or "busy" in str(exc), exc
        return False
    finally:
        c.close()


def test_a_save_during_restore_is_in_the_safety_copy_or_the_restored_file(demo_db: Path, monkeypatch) -> None:
    import store.backup.restore as restore_mod

    chosen = make_backup(demo_db, "manual")
    real = restore_mod.make_backup
    committed: list[str] = []

    def safety_copy_then_a_save(database: Path, reason: str = "manual", **kwargs):  # type: ignore[no-untyped-def]
        path = real(database, reason, **kwargs)
        if _try_write(demo_db, "mark-between-copy-and-swap"):
            committed.append("mark-between-copy-and-swap")
        return path

    monkeypatch.setattr(restore_mod, "make_backup", safety_copy_then_a_save)
    safety = restore(chosen, demo_db)
    assert safety is not None
    for key in committed:
        assert key in _marks(demo_db) | _marks(safety), f"{key} was acknowledged and is in neither file"
    assert committed == []  # the restore held the write lock, so the other save waited
    assert _try_write(demo_db, "mark-after")
    assert "mark-after" in _marks(demo_db)


def test_a_store_open_in_another_window_keeps_working_after_a_restore(demo_db: Path, clock) -> None:
    from datetime import datetime

    from store.commands import journal_entries
    from store.facade import Store

    chosen = make_backup(demo_db, "manual")
    store = Store.open(demo_db, clock=clock)
    try:
        citizen = store.deadlines(limit=1)[0].citizen_id
        store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 9),
                  channel="phone", direction="out", reached=True, note="before the restore"))
        restore(chosen, demo_db)
        notes = {c.note for c in store.citizen_file(citizen).contacts}
        assert "before the restore" not in notes  # the other window sees the restored data
        store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 10),
                  channel="phone", direction="out", reached=True, note="after the restore"))
    finally:
        store.close()
    with sqlite3.connect(demo_db) as c:
        assert c.execute("select count(*) from contact_entry where note = 'after the restore'").fetchone()[0] == 1


def test_a_failed_safety_copy_leaves_the_database_as_it_was(demo_db: Path, monkeypatch) -> None:
    import pytest

    import store.backup.restore as restore_mod

    chosen = make_backup(demo_db, "manual")
    assert _try_write(demo_db, "mark-only-in-the-current-file")

    def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(restore_mod, "make_backup", disk_full)
    with pytest.raises(OSError):
        restore(chosen, demo_db)
    assert "mark-only-in-the-current-file" in _marks(demo_db)
