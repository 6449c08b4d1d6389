"""One session per call, one transaction per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from store.durability import translated


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    with translated(engine, write=False):
        with Session(engine, expire_on_commit=False) as session:
            yield session


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """A write transaction: BEGIN IMMEDIATE on SQLite, committed on success, rolled back on any
    error so a failed save leaves the database exactly as it was."""
    with translated(engine):
        with engine.connect().execution_options(sagsdag_write=True) as conn:
            with Session(bind=conn, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise


@contextmanager
def rehearsing(engine: Engine) -> Iterator[Session]:
    """A write transaction that is always rolled back (store.commands.runner.rehearse_command):
    it takes the write lock as a save does, and writes nothing."""
    with translated(engine):
        with engine.connect().execution_options(sagsdag_write=True) as conn:
            with Session(bind=conn, expire_on_commit=False) as session:
                try:
                    yield session
                finally:
                    session.rollback()
