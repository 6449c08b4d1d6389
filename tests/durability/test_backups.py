"""Backups: at start when stale, before migrations and restores, on demand; rotation keeps
daily, weekly and monthly copies; restore lists and restores; check runs the integrity check;
an unusable file is moved aside (never deleted or overwritten) and restore is offered."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from store.backup import list_backups, make_backup, rotate
from store.backup.auto import backup_if_stale, before_migration
from store.backup.restore import restore


def _count(db: Path) -> int:
    with sqlite3.connect(db) as c:
        return c.execute("select count(*) from citizen").fetchone()[0]


def test_stale_backup_at_start(demo_db: Path) -> None:
    now = datetime(2026, 11, 23, 8)
    first = backup_if_stale(demo_db, now)
    assert first is not None and first.exists()
    assert backup_if_stale(demo_db, now + timedelta(hours=23)) is None
    assert backup_if_stale(demo_db, now + timedelta(days=1, minutes=1)) is not None


def test_rotation_keeps_daily_weekly_monthly(demo_db: Path) -> None:
    start = datetime(2025, 1, 1, 8)
    for day in range(400):
        make_backup(demo_db, "daily", now=start + timedelta(days=day))
    now = start + timedelta(days=399)
    rotate(demo_db, now)
    kept = list_backups(demo_db)
    days = {b.taken.date() for b in kept}
    assert len(kept) <= 7 + 5 + 12
    assert all((now - timedelta(days=d)).date() in days for d in range(7))  # the last 7 days
    weeks = {b.taken.isocalendar()[:2] for b in kept}
    assert len(weeks) >= 5
    months = {(b.taken.year, b.taken.month) for b in kept}
    assert len(months) >= 12


def test_before_migration_keeps_its_copies(demo_db: Path) -> None:
    from store.db.engine import make_engine

    engine = make_engine(demo_db)
    path = before_migration(engine)
    assert path is not None and "before-migration" in path.name
    rotate(demo_db, datetime.now())
    assert path.exists()


def test_an_older_schema_is_backed_up_before_it_is_migrated(demo_db: Path, clock) -> None:
    from store.facade import Store

    with sqlite3.connect(demo_db) as c:
        c.execute("update alembic_version set version_num = '0001'")
    revision = None
    from store.db.schema import head_revision

    if head_revision() == "0001":
        pytest.skip("only one migration")
    try:
        store = Store.open(demo_db, clock=clock)
        store.close()
    except Exception:
        pass  # re-running a migration on a current schema may fail; the backup must exist anyway
    assert any(b.reason == "before-migration" for b in list_backups(demo_db)), revision


def test_backup_restore_and_check_through_the_cli(run_cli, demo_db: Path) -> None:
    code, out, err = run_cli("backup", "--db", str(demo_db), "--lang", "en")
    assert code == 0 and "Backup saved" in out, err
    before = _count(demo_db)
    with sqlite3.connect(demo_db) as c:
        c.execute("PRAGMA foreign_keys = OFF")
        c.execute("delete from citizen where id = (select min(id) from citizen)")
    assert _count(demo_db) == before - 1
    code, out, err = run_cli("restore", "--db", str(demo_db), "--lang", "en")
    assert code == 0 and "manual" in out and "sagsdag restore N" in out
    code, out, err = run_cli("restore", "1", "--db", str(demo_db), "--lang", "en")
    assert code == 0, err
    assert _count(demo_db) == before
    assert any(b.reason == "before-restore" for b in list_backups(demo_db))  # the replaced file was kept
    code, out, err = run_cli("check", "--db", str(demo_db), "--lang", "en")
    assert code == 0 and "ok" in out


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[0:16] = b"not sqlite at al"
    path.write_bytes(bytes(data))


def test_check_reports_a_damaged_file(run_cli, demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _corrupt(demo_db)
    code, out, err = run_cli("check", "--db", str(demo_db), "--lang", "en")
    assert code == 1 and "damaged" in err and "sagsdag restore" in err


def test_a_damaged_file_is_moved_aside_and_restore_is_offered(run_cli, demo_db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Only damage is moved aside; a foreign or newer file is refused and left where it is
    (tests/durability/test_opening.py)."""
    from store.errors import CorruptDatabase
    from store.facade import Store
    from tui.cli.commands.safety import unusable
    from tui.cli.context import Context
    from store.clock import Clock

    make_backup(demo_db, "manual")
    _corrupt(demo_db)
    original = demo_db.read_bytes()
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(demo_db).close()
    from tui.i18n import set_language

    set_language("en")
    try:
        code = unusable(Context(db=str(demo_db), clock=Clock(), lang="en", caseworker=None), caught.value)
    finally:
        set_language("da")
    err = " ".join(capsys.readouterr().err.split())
    assert code == 2
    aside = [p for p in demo_db.parent.glob("demo.db.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    assert aside[0].read_bytes() == original  # moved, byte for byte
    assert not demo_db.exists()
    assert "moved" in err and "sagsdag restore" in err and "1 backups" in err
    code, out, err = run_cli("restore", "1", "--db", str(demo_db), "--lang", "en")
    assert code == 0, err
    assert _count(demo_db) > 0


@pytest.mark.parametrize("kind", ["corrupt", "foreign", "newer"])
def test_restore_refuses_an_unusable_backup_and_changes_nothing(demo_db: Path, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad.db"
    if kind == "corrupt":
        bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    elif kind == "foreign":
        with sqlite3.connect(bad) as c:
            c.execute("create table recipes (name text)")
    else:
        bad.write_bytes(demo_db.read_bytes())
        with sqlite3.connect(bad) as c:
            c.execute("update alembic_version set version_num = 'ffff_from_the_future'")
    before = demo_db.read_bytes()
    with pytest.raises(ValueError):
        restore(bad, demo_db)
    assert demo_db.read_bytes() == before


def test_backups_made_by_hand_survive_rotation(demo_db: Path) -> None:
    start = datetime(2026, 11, 23, 8)
    manual = [make_backup(demo_db, "manual", now=start + timedelta(seconds=n)) for n in range(3)]
    rotate(demo_db, start + timedelta(seconds=5))
    assert all(p.exists() for p in manual)
    for day in range(1, 400):  # a year of automatic copies later, every hand-made one is still there
        make_backup(demo_db, "daily", now=start + timedelta(days=day))
    rotate(demo_db, start + timedelta(days=400))
    assert all(p.exists() for p in manual)
    assert len([b for b in list_backups(demo_db) if b.reason == "daily"]) <= 7 + 5 + 12


def test_three_backup_commands_in_a_row_keep_three_files(run_cli, demo_db: Path) -> None:
    for _ in range(3):
        code, _, err = run_cli("backup", "--db", str(demo_db))
        assert code == 0, err
    assert len([b for b in list_backups(demo_db) if b.reason == "manual"]) == 3


def test_two_databases_never_rotate_each_others_backups() -> None:
    from store.db.engine import data_dir, make_engine
    from store.db.schema import upgrade

    home = data_dir()
    home.mkdir(parents=True, exist_ok=True)
    first, second = home / "sagsdag.db", home / "other.db"
    for db in (first, second):
        engine = make_engine(db)
        upgrade(engine)
        engine.dispose()
    day = datetime(2026, 11, 23, 8)
    mine = make_backup(first, "daily", now=day)
    make_backup(second, "daily", now=day + timedelta(hours=1))
    rotate(second, day + timedelta(hours=2))
    assert mine.exists()
    assert [b.path for b in list_backups(first)] == [mine]
    assert all(b.path.name.startswith("other-") for b in list_backups(second))
