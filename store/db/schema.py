"""Bring a database to the schema this program expects, with Alembic, and refuse clearly
what cannot be brought there."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime

from alembic.runtime.migration import MigrationContext
from alembic import command
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError

from store.db.engine import sqlite_path
from store.db.recognise import APPLICATION_ID, open_failure, quick_check
from store.db.revisions import MIGRATIONS, alembic_config, head_revision, revision_state  # noqa: F401  (re-exported)
from store.errors import CannotOpen, CorruptDatabase, ForeignDatabase, NewerDatabase, Unreachable


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
        raise _sqlite_failure(engine, exc) from None
    if not tables or tables == {"alembic_version"} and revision is None:
        return "empty"
    if revision is None:
        return "foreign"
    return revision_state(revision)


def _sqlite_failure(engine: Engine, exc: DatabaseError) -> Exception:
    """Locked, unopenable or failing is a sentence (CannotOpen); only damage that SQLite names
    (not a database, or a failed quick_check) is CorruptDatabase. Which files may then be
    moved aside is decided by store.opening (only Sagsdag's own)."""
    path = sqlite_path(engine.url)
    where = str(path or engine.url.database or engine.url)
    orig = exc.orig
    if path is None or not isinstance(orig, sqlite3.Error):
        return CorruptDatabase(where, str(orig))
    failure = open_failure(orig, path)
    if failure is not None:
        return failure
    if "not a database" not in str(orig).lower() and not quick_check(path):
        return CannotOpen(where, "other", str(orig))
    return CorruptDatabase(where, str(orig))


def stamp_application_id(engine: Engine) -> None:
    """Mark an SQLite file as Sagsdag's (store.db.recognise): new ones and older ones alike."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID:
            return
    with engine.connect().execution_options(sagsdag_write=True) as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {int(APPLICATION_ID)}")
        conn.commit()


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
        stamp_application_id(engine)
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
    stamp_application_id(engine)
    return state


def _copy_aside(engine: Engine) -> None:
    """SQLite only: the file is copied. A server database is not copied; its migration runs
    in one transaction (PostgreSQL's DDL is transactional), so a failed one changes nothing."""
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    shutil.copy2(path, path.with_name(f"{path.name}.before-migration-{stamp}"))
