from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from tests.importers.helpers import new_engine


@pytest.fixture
def engines(new_database) -> Iterator[Callable[[str], Engine]]:  # type: ignore[no-untyped-def]
    """Fresh, migrated databases (of the test's backend) by name, disposed after the test."""
    made: list[Engine] = []

    def make(name: str) -> Engine:
        engine = new_engine(new_database(name))
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
