from __future__ import annotations

import pytest

from store.facade import Store


@pytest.fixture
def store(empty_db, clock):
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()
