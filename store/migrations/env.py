"""Alembic environment. Runs inside the program (store.db.schema), never from a global
alembic.ini: the connection is handed in through config.attributes."""

from __future__ import annotations

from alembic import context

import store.db.models  # noqa: F401  (registers every table)
from store.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
