"""Bring a database to the schema this program expects, with Alembic, and refuse clearly
what cannot be brought there."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic import command
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError

from store.db.engine import sqlite_path
from store.errors import CorruptDatabase, ForeignDatabase, NewerDatabase, Unreachable

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_state(engine: Engine) -> str:
    """"empty", "current", "older", "newer" or "foreign"; raises CorruptDatabase."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = MigrationContext.configure(conn).get_current_revision()
    except DatabaseError as exc:
        if engine.dialect.name != "sqlite":
            where = engine.url.render_as_string(hide_password=True)
            raise Unreachable(where, str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else "") from exc
        raise CorruptDatabase(str(engine.url.database or engine.url), str(exc.orig)) from exc
    if not tables or tables == {"alembic_version"} and revision is None:
        return "empty"
    if revision is None:
        return "foreign"
    script = ScriptDirectory.from_config(alembic_config())
    if revision == script.get_current_head():
        return "current"
    known = {rev.revision for rev in script.walk_revisions()}
    return "older" if revision in known else "newer"


def upgrade(engine: Engine, backup=None) -> str:
    """Create or upgrade the schema in place. An older database is first copied aside by
    `backup(engine, reason)` (or next to itself when no backup function is given)."""
    state = schema_state(engine)
    where = str(engine.url.database or engine.url)
    if state == "foreign":
        raise ForeignDatabase(where)
    if state == "newer":
        raise NewerDatabase(where, current_revision(engine) or "?", head_revision())
    if state == "current":
        return state
    if state == "older":
        if backup is not None:
            backup(engine, "before-migration")
        else:
            _copy_aside(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return state


def _copy_aside(engine: Engine) -> None:
    """SQLite only: the file is copied. A server database is not copied; its migration runs
    in one transaction (PostgreSQL's DDL is transactional), so a failed one changes nothing."""
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    shutil.copy2(path, path.with_name(f"{path.name}.before-migration-{stamp}"))
