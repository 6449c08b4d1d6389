"""The schema check on every open: Alembic is loaded only to migrate (issue 15), and the check
still refuses a database from a newer Sagsdag and still migrates an older one."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()


def test_the_head_read_from_the_files_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from store.db.revisions import alembic_config
    from store.quick.schema_head import schema_head

    script = ScriptDirectory.from_config(alembic_config())
    assert schema_head() == script.get_current_head()


def test_a_database_at_head_opens_without_loading_alembic(demo_db: Path) -> None:
    code = (
        "import sys\n"
        "from store.facade import Store\n"
        f"store = Store.open({str(demo_db)!r})\n"
        "store.close()\n"
        "print('alembic' in sys.modules, any(m.startswith('alembic') for m in sys.modules))\n"
    )
    assert _run(code) == "False False"


def test_a_database_from_a_newer_sagsdag_is_still_refused(demo_db: Path, clock) -> None:
    from store.errors import NewerDatabase
    from store.facade import Store

    with sqlite3.connect(demo_db) as con:
        con.execute("UPDATE alembic_version SET version_num = 'from_a_newer_sagsdag'")
    con.close()
    before = demo_db.read_bytes()
    with pytest.raises(NewerDatabase):
        Store.open(demo_db, clock=clock)
    assert demo_db.read_bytes() == before


def test_an_older_database_is_still_migrated(tmp_path: Path, clock) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from store.db.revisions import alembic_config, head_revision
    from store.db.schema import current_revision, schema_state
    from store.facade import Store

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    assert schema_state(engine) == "older" and current_revision(engine) == "0002"
    engine.dispose()
    store = Store.open(path, clock=clock)
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    assert schema_state(engine) == "current" and current_revision(engine) == head_revision()
    engine.dispose()


def test_the_revision_read_without_alembic_is_alembics(demo_db: Path) -> None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from store.db.schema import current_revision

    engine = create_engine(f"sqlite:///{demo_db}")
    with engine.connect() as conn:
        expected = MigrationContext.configure(conn).get_current_revision()
    assert current_revision(engine) == expected
    engine.dispose()
