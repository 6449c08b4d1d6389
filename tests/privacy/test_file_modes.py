"""Every file the program writes (database, WAL, backups, exports, config, logs) is 0600 in a
0700 directory, even under umask 022."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest


@pytest.fixture
def umask_022():  # type: ignore[no-untyped-def]
    old = os.umask(0o022)
    yield
    os.umask(old)


def _walk(root: Path) -> list[Path]:
    return [root, *sorted(root.rglob("*"))]


def test_everything_written_is_private(run_cli, umask_022, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from store import access_log
    from store.db.engine import data_dir
    from tui.config import config_path, save_setting

    home = data_dir()
    db_dir = tmp_path / "elsewhere" / "cases"  # created by the program, not by the test
    db = db_dir / "case.db"
    for target in (None, db):  # the default database in the data dir, and one elsewhere
        extra = () if target is None else ("--db", str(target))
        code, _, err = run_cli("demo", "--citizens", "5", *extra)
        assert code == 0, err
        code, _, err = run_cli("backup", *extra)
        assert code == 0, err
        export = (home if target is None else db_dir) / "export.json"
        code, _, err = run_cli("export", "json", str(export), *extra)
        assert code == 0, err
        code, _, err = run_cli("check", *extra)
        assert code == 0, err
    assert save_setting("theme", "sagsdag-light")
    assert config_path().parent == home
    access_log.record("export_json", caseworker="t", file="export.json")
    from store.facade import Store

    store = Store.open(db)  # an open database has its -wal and -shm beside it
    try:
        store.deadlines(limit=1)
        lines, bad = [], []
        for root in (home, db_dir):
            for path in _walk(root):
                st = path.lstat()
                mode = stat.S_IMODE(st.st_mode)
                kind = "d" if stat.S_ISDIR(st.st_mode) else "f"
                lines.append(f"{kind} {mode:04o} {st.st_size:>8} {path}")
                want = 0o700 if kind == "d" else 0o600
                if mode != want:
                    bad.append(lines[-1])
        names = {Path(line.split()[-1]).name for line in lines}
    finally:
        store.close()
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert {"sagsdag.db", "case.db", "case.db-wal", "export.json", "config.toml", "access.log"} <= names
    assert any(n.endswith("-manual.db") for n in names)
    assert bad == []


def test_the_folder_around_db_keeps_its_mode_and_sticky_bit(run_cli, umask_022, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp
    code, _, err = run_cli("deadlines", "--db", str(shared / "x.db"))
    assert code == 0, err
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    for name in ("x.db", "x.db-wal", "x.db-shm"):
        path = shared / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


def test_an_existing_folder_keeps_its_mode_and_the_backups_folder_is_private(run_cli, umask_022, tmp_path: Path) -> None:
    mine = tmp_path / "team"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    code, _, err = run_cli("deadlines", "--db", str(mine / "x.db"))
    assert code == 0, err
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755  # not ours: left alone
    code, _, err = run_cli("backup", "--db", str(mine / "x.db"))
    assert code == 0, err
    backups = mine / "x.db.backups"
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700  # ours: private


def test_an_existing_0644_database_and_its_wal_become_0600(umask_022, demo_db: Path) -> None:
    from store.facade import Store

    os.chmod(demo_db, 0o644)
    store = Store.open(demo_db)
    try:
        store.deadlines(limit=1)
        for name in ("demo.db", "demo.db-wal", "demo.db-shm"):
            path = demo_db.parent / name
            assert path.exists(), name
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    finally:
        store.close()
