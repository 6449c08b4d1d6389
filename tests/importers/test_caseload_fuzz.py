"""Whatever a file holds, the importer either imports it or refuses it: never a traceback."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from store.importers import ImportRefused, ImportSummary, import_caseload_csv
from store.importers.caseload_csv import COLUMNS
from tests.importers.helpers import new_engine

TODAY = date(2026, 11, 23)
LIKELY = [
    "", " ", "010190-1234", "0101901234", "311299-9995", "290223-1234", "320190-1234", "2026-01-05", "05-01-2026",
    "05.01.2026", "31-02-2026", "2026-11-24", "2026-11-23", "3m", "6w", "14d", "0d", "-3m", "99999999m", "Anna",
    "Åse [bold]", "[/]", "\x00", '"', ";", ",", "\n", "\r\n", "\u200f", "🙂", "\ud800",
]
cell = st.one_of(st.sampled_from(LIKELY), st.text(max_size=30))
row = st.lists(cell, min_size=5, max_size=9)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = new_engine(tmp_path_factory.mktemp("fuzz") / "x.db")
    yield engine
    engine.dispose()


def attempt(engine: Engine, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        result = import_caseload_csv(engine, path, TODAY)
    except ImportRefused as exc:
        assert exc.errors and all(isinstance(e, str) and e for e in exc.errors)
        str(exc)
    else:
        assert isinstance(result, ImportSummary) and result.citizens >= 1


def as_csv(header: list[str], rows: list[list[str]], delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    # surrogatepass: a lone surrogate becomes bytes that are not UTF-8, which must be refused too.
    return out.getvalue().encode("utf-8", "surrogatepass")


@FUZZ
@given(rows=st.lists(row, min_size=0, max_size=6), delimiter=st.sampled_from([",", ";", "\t"]), bom=st.booleans())
def test_random_rows_never_raise_anything_but_a_refusal(engine, tmp_path, rows, delimiter, bom) -> None:  # type: ignore[no-untyped-def]
    data = as_csv(list(COLUMNS), rows, delimiter)
    attempt(engine, tmp_path / "f.csv", (b"\xef\xbb\xbf" if bom else b"") + data)


@FUZZ
@given(header=st.lists(st.one_of(st.sampled_from(COLUMNS), st.text(max_size=15)), max_size=9), rows=st.lists(row, max_size=3))
def test_random_headers_never_raise_anything_but_a_refusal(engine, tmp_path, header, rows) -> None:  # type: ignore[no-untyped-def]
    attempt(engine, tmp_path / "h.csv", as_csv(header, rows, ","))


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_never_raise_anything_but_a_refusal(engine, tmp_path, data) -> None:  # type: ignore[no-untyped-def]
    attempt(engine, tmp_path / "b.csv", data)
