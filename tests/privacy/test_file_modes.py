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
