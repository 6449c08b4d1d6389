"""The Alembic migrations build, on SQLite and on PostgreSQL, exactly the schema the models
describe, and opening a migrated database again changes nothing."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import store.db.models  # noqa: F401  (registers every table)
from store.db.base import Base
from store.db.engine import make_engine
from store.db.schema import head_revision, schema_state, upgrade


def test_migrations_match_the_models(db_url) -> None:
    engine = make_engine(db_url)
    try:
        assert schema_state(engine) == "current"
        assert upgrade(engine) == "current"
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert ctx.get_current_revision() == head_revision()
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        engine.dispose()


def test_an_empty_database_is_migrated_from_scratch(new_database) -> None:
    from sqlalchemy import text

    engine = make_engine(new_database("scratch"))
    try:
        if engine.dialect.name == "postgresql":  # new_database hands out migrated copies there
            with engine.begin() as conn:
                conn.execute(text("drop schema public cascade"))
                conn.execute(text("create schema public"))
        assert schema_state(engine) == "empty"
        assert upgrade(engine) == "empty"
        assert schema_state(engine) == "current"
    finally:
        engine.dispose()
