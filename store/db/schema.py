"""Bring a database to the schema this program expects, with Alembic, and refuse clearly
what cannot be brought there.

Alembic is imported only to migrate (an empty or older database): the revision a database is
at is read from its `alembic_version` table directly, and a database at head is recognised
without Alembic (store.db.revisions). On every ordinary start that saves the opening worker
~80 ms of imports and script parsing, during which a key waited for the GIL (issue 15)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from store.db.engine import sqlite_path
from store.db.recognise import APPLICATION_ID, open_failure, quick_check
from store.db.revisions import MIGRATIONS, alembic_config, revision_state  # noqa: F401  (re-exported)
from store.db.revisions import head_revision as head_revision  # re-exported for store.opening
from store.errors import CannotOpen, CorruptDatabase, ForeignDatabase, NewerDatabase, Unreachable


VERSION_TABLE = "alembic_version"  # Alembic's default; store/migrations/env.py keeps it


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision(conn, set(inspect(conn).get_table_names()))


def _revision(conn: Connection, tables: set[str]) -> str | None:
    """What Alembic's `MigrationContext.get_current_revision` answers, without Alembic: no
    table or no row is None, and more than one row (branches this program never makes) is
    refused as Alembic refuses it."""
    if VERSION_TABLE not in tables:
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise ValueError(f"{VERSION_TABLE} names {len(rows)} revisions; Sagsdag makes one")
    return rows[0] if rows else None


def schema_state(engine: Engine) -> str:
    """"empty", "current", "older", "newer" or "foreign"; raises CorruptDatabase."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = _revision(conn, tables)
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


def upgrade(engine: Engine, backup: Callable[[Engine, str], object] | None = None) -> str:
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
    from alembic import command  # only here: a database at head never loads Alembic

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
