"""Any JSON value anywhere in an export gives an import or a refusal, never a traceback."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from store.db.base import Base
from store.portable import ImportRefused, ImportSummary, export_json, import_json
from tests.importers.helpers import new_engine
from tests.portable.build import full_database

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(["2026-11-23", "2026-11-23T09:30:00", "3m", "held", "010190-1234", "Alfa Aktør", "\x00"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict, Engine]]:
    base = tmp_path_factory.mktemp("jsonfuzz")
    source, target = new_engine(base / "s.db"), new_engine(base / "t.db")
    full_database(source)
    yield json.loads(export_json(source)), target
    source.dispose()
    target.dispose()


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), value=json_values)
def test_any_value_anywhere_is_imported_or_refused(setup, data, value) -> None:  # type: ignore[no-untyped-def]
    good, target = setup
    doc = copy.deepcopy(good)
    path = data.draw(st.sampled_from(paths(doc)[1:]))
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    try:
        result = import_json(target, json.dumps(doc, ensure_ascii=False))
    except ImportRefused as exc:
        assert exc.errors
    else:
        assert isinstance(result, ImportSummary) and result.citizens == len(doc["citizens"])
        wipe(target)  # or the next example would clash with these citizens


def wipe(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name != "meta":
                conn.execute(table.delete())
