"""Both importers take hostile text and invalid UTF-8: an import (text stored exactly) or a
refusal, never a traceback."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.importers import ImportRefused, ImportSummary, import_caseload_csv
from store.portable import export_json, import_json
from tests.fuzz.hostile import hostile, visible

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
TODAY = date(2026, 11, 23)
BAD_UTF8 = [b"\xff", b"\xc3", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xc0\xaf", b"\x80"]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator:
    from store.db.engine import make_engine
    from store.db.schema import upgrade

    e = make_engine(tmp_path / f"imp-{id(tmp_path)}.db")
    upgrade(e)
    yield e
    e.dispose()


def _csv(name: str, phone: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["cpr", "name", "phone", "email", "first_request", "last_meeting", "interval"])
    w.writerow(["010190-1234", name, phone, "", "2026-01-05", "", ""])
    return buf.getvalue()


@FUZZ
@given(name=visible, phone=hostile)
def test_csv_hostile_text(tmp_path_factory, name: str, phone: str) -> None:
    from store.db.engine import make_engine
    from store.db.schema import upgrade
    from store.facade import Store

    base = tmp_path_factory.mktemp("csv")
    e = make_engine(base / "x.db")
    upgrade(e)
    try:
        path = base / "c.csv"
        path.write_text(_csv(name, phone), encoding="utf-8", newline="")
        try:
            result = import_caseload_csv(e, path, TODAY)
        except ImportRefused as exc:
            assert "010190-1234" not in str(exc)
            return
        assert isinstance(result, ImportSummary)
        store = Store(e)
        [row] = store.deadlines()
        c = store.citizen_file(row.citizen_id).citizen
        assert c.name in (name, name.strip())  # the importer may trim cells; nothing else changes
    finally:
        e.dispose()


@FUZZ
@given(junk=st.lists(st.sampled_from(BAD_UTF8), min_size=1, max_size=3), where=st.integers(0, 200))
def test_csv_invalid_utf8(tmp_path_factory, junk: list[bytes], where: int) -> None:
    from store.db.engine import make_engine
    from store.db.schema import upgrade

    base = tmp_path_factory.mktemp("csvb")
    e = make_engine(base / "x.db")
    upgrade(e)
    try:
        data = _csv("Anna", "").encode("utf-8")
        where = min(where, len(data))
        path = base / "c.csv"
        path.write_bytes(data[:where] + b"".join(junk) + data[where:])
        with pytest.raises(ImportRefused):
            import_caseload_csv(e, path, TODAY)
    finally:
        e.dispose()


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> dict:  # type: ignore[no-untyped-def]
    from store.clock import Clock
    from store.commands import citizens, journal_entries
    from store.facade import Store
    from datetime import datetime

    store = Store.open(tmp_path_factory.mktemp("src") / "s.db", clock=Clock(TODAY))
    try:
        cid = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna", first_request=date(2026, 1, 5))).value
        store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="placeholder"))
        return json.loads(export_json(store.engine))
    finally:
        store.close()


def _replace(node, old: str, new: str):  # type: ignore[no-untyped-def]
    if isinstance(node, dict):
        return {k: _replace(v, old, new) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace(v, old, new) for v in node]
    return new if node == old else node


@FUZZ
@given(name=visible, note=visible)
def test_json_hostile_text_round_trips(tmp_path_factory, document: dict, name: str, note: str) -> None:
    from store.db.engine import make_engine
    from store.db.schema import upgrade
    from store.facade import Store

    doc = _replace(_replace(document, "Anna", name), "placeholder", note)
    e = make_engine(tmp_path_factory.mktemp("json") / "t.db")
    upgrade(e)
    try:
        try:
            import_json(e, json.dumps(doc, ensure_ascii=False))
        except ImportRefused as exc:
            assert "010190-1234" not in str(exc)
            return
        store = Store(e)
        [row] = store.deadlines()
        f = store.citizen_file(row.citizen_id)
        assert f.citizen.name == name
        assert [n.text for n in f.notes] == [note]
    finally:
        e.dispose()


@FUZZ
@given(junk=st.lists(st.sampled_from(BAD_UTF8), min_size=1, max_size=3), where=st.integers(0, 400))
def test_json_invalid_utf8(engine, document: dict, junk: list[bytes], where: int) -> None:
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    where = min(where, len(data))
    with pytest.raises(ImportRefused):
        import_json(engine, data[:where] + b"".join(junk) + data[where:])
