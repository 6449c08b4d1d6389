from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.helpers import new_engine


@pytest.fixture
def engines(tmp_path: Path) -> Iterator[Callable[[str], Engine]]:
    """Fresh, migrated SQLite databases by name, disposed after the test."""
    made: list[Engine] = []

    def make(name: str) -> Engine:
        engine = new_engine(tmp_path / f"{name}.db")
        made.append(engine)
        return engine

    yield make
    for engine in made:
        engine.dispose()


@pytest.fixture
def source(engines) -> Engine:  # type: ignore[no-untyped-def]
    from tests.portable.build import full_database

    engine = engines("source")
    full_database(engine)
    return engine
