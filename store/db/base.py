"""Declarative base with a naming convention, so Alembic migrations name constraints the
same way on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timezone

from typing import cast

from sqlalchemy import MetaData, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The model's table. Every model here is declared with columns, so its `__table__` is a
    Table; SQLAlchemy types it as any FROM clause, since a model may also map a join."""
    return cast(Table, model.__table__)


class Tracked:
    """Columns every row carries: when it was made and changed, and a version counter that
    lets a save notice that someone else changed the row in between (optimistic locking).

    The version is bumped by the write commands when a person edits the row, not by
    SQLAlchemy's version_id_col: recomputing a derived deadline must not make another
    caseworker's open edit form look stale."""

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=func.current_timestamp()
    )
    version: Mapped[int] = mapped_column(default=1, server_default="1")
