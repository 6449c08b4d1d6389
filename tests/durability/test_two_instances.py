"""Two Sagsdag instances on one database: both writes succeed (the second waits for the
first), or the second gets a clear StoreError saying the database is busy. Never a
'database is locked' traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest

from store.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from datetime import date, datetime, timedelta
    from store.clock import Clock
    from store.commands import journal_entries
    from store.facade import Store

    store = Store.open(sys.argv[1], clock=Clock(date(2026, 11, 23)))
    tag = sys.argv[2]
    for n in range(40):
        store.execute(journal_entries.LogContact(citizen_id=int(sys.argv[3]), at=datetime(2026, 11, 23, 8) + timedelta(seconds=n), channel="phone", direction="out", reached=True, note=f"{tag} {n}")).value
    store.close()
    print("done", tag)
""")


def _citizen(store) -> int:  # type: ignore[no-untyped-def]
    return store.deadlines(limit=1)[0].citizen_id


def test_two_processes_writing_at_once_both_succeed(demo_store, demo_db: Path) -> None:
    citizen = _citizen(demo_store)
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(demo_db), tag, str(citizen)], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for tag in ("alfa", "beta")
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    notes = [c.note for c in demo_store.citizen_file(citizen).contacts]
    for tag in ("alfa", "beta"):
        assert sum(1 for n in notes if n and n.startswith(tag + " ")) == 40


def test_two_engines_in_one_process_both_succeed(demo_db: Path, clock) -> None:
    from store.commands import journal_entries
    from store.facade import Store

    a, b = Store.open(demo_db, clock=clock), Store.open(demo_db, clock=clock)
    try:
        citizen = _citizen(a)
        import threading

        errors: list[BaseException] = []

        def work(store, tag):  # type: ignore[no-untyped-def]
            try:
                for n in range(25):
                    store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 9, n), channel="sms", direction="in", reached=True, note=f"{tag}{n}"))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(s, t)) for s, t in ((a, "A"), (b, "B"))]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert errors == []
        notes = {c.note for c in a.citizen_file(citizen).contacts}
        assert {f"A{n}" for n in range(25)} <= notes and {f"B{n}" for n in range(25)} <= notes
    finally:
        a.close()
        b.close()


def test_a_write_lock_held_past_the_timeout_gives_a_clear_busy_error(demo_db: Path, clock, monkeypatch) -> None:
    """Another program holds the write lock longer than busy_timeout: the second gets a
    StoreError saying the database is busy, and nothing half-written."""
    import store.db.engine as engine_mod
    from store.commands import journal_entries
    from store.durability import DatabaseBusy
    from store.facade import Store

    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 200)
    store = Store.open(demo_db, clock=clock)
    try:
        citizen = _citizen(store)
        before = len(store.citizen_file(citizen).contacts)
        holder = sqlite3.connect(demo_db, isolation_level=None, timeout=5)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError) as caught:
                store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 10), channel="phone", direction="out", reached=False, note="while busy"))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert isinstance(caught.value, DatabaseBusy)
        assert "busy" in str(caught.value)
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
        assert len(store.citizen_file(citizen).contacts) == before
        # and once the other lets go, the same store writes again
        store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 10), channel="phone", direction="out", reached=False, note="after"))
        assert len(store.citizen_file(citizen).contacts) == before + 1
    finally:
        store.close()


def test_the_ui_sentence_for_busy(monkeypatch) -> None:
    from store.durability import DatabaseBusy
    from tui.errors import describe
    from tui.i18n import set_language

    set_language("en")
    try:
        assert "busy" in describe(DatabaseBusy("x.db"))
        from sqlalchemy.exc import OperationalError

        raw = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
        assert "busy" in describe(raw)
    finally:
        set_language("da")


def test_translate_knows_the_sqlite_errors() -> None:
    from store.durability import DatabaseBusy, DatabaseReadOnly, DiskError, DiskFull, translate

    assert isinstance(translate(sqlite3.OperationalError("database is locked")), DatabaseBusy)
    assert isinstance(translate(sqlite3.OperationalError("database or disk is full")), DiskFull)
    assert isinstance(translate(sqlite3.OperationalError("attempt to write a readonly database")), DatabaseReadOnly)
    assert isinstance(translate(sqlite3.OperationalError("disk I/O error")), DiskError)
    assert translate(sqlite3.IntegrityError("UNIQUE constraint failed: citizen.cpr")) is None
    assert translate(ValueError("x")) is None
    assert date  # keep the import used
