"""The reads a save makes (store.queries.prepared): a statement that names the citizens by an
expanding parameter is built once per shape, and every later read for other citizens runs it
again without building it (building was about 8 of the 11 ms these reads took at 50 citizens).
The rows are those the whole caseload's reads give for the same citizens."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.sql.selectable import Select

from store.facade import Store


def _save_reads(store: Store, ids: list[int]) -> tuple[Any, ...]:
    return (store.agenda(citizen_ids=ids), store.caseload(citizen_ids=ids), store.count_caseload(),
            store.deadlines(citizen_ids=ids), store.count_deadlines())


def test_a_second_save_builds_no_statement_again(demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = demo_store.caseload(limit=200)
    _save_reads(demo_store, [rows[0].citizen_id])  # the first save (or warm_saves) builds them
    built: list[int] = []
    where = Select.where

    def counting(self, *clauses):  # type: ignore[no-untyped-def]
        built.append(1)
        return where(self, *clauses)

    monkeypatch.setattr(Select, "where", counting)
    _save_reads(demo_store, [rows[7].citizen_id])
    # Only the caseload row's flags (a small query of their own) are asked afresh.
    assert len(built) <= 1, len(built)


def test_the_rows_are_those_of_the_whole_caseload(demo_store: Store) -> None:
    whole_rows = {row.citizen_id: row for row in demo_store.caseload(limit=500)}
    whole_deadlines = {row.citizen_id: row for row in demo_store.deadlines(limit=500)}
    whole_day = demo_store.agenda()
    for cid in list(whole_rows)[::5]:
        assert demo_store.caseload(citizen_ids=[cid]) == [whole_rows[cid]]
        assert demo_store.deadlines(citizen_ids=[cid]) == ([whole_deadlines[cid]] if cid in whole_deadlines else [])
        day = demo_store.agenda(citizen_ids=[cid])
        assert day.overdue == tuple(item for item in whole_day.overdue if item.citizen_id == cid)
        assert day.due == tuple(item for item in whole_day.due if item.citizen_id == cid)
        assert day.meetings == tuple(m for m in whole_day.meetings if m.citizen_id == cid)
        assert day.not_invited == tuple(m for m in whole_day.not_invited if m.citizen_id == cid)
    two = list(whole_rows)[1:3]
    assert demo_store.caseload(citizen_ids=two) == [whole_rows[c] for c in whole_rows if c in two]
