"""The caseload's open-items count is the number of obligations the obligations model lists
for the citizen (the citizen screen's open items), for every citizen: on the demo caseload on
several days (the first period and the offer come and go with the date), on the hand-worked
case of every kind, and in the quick first-page reader. The property test in
tests/store/test_obligation_properties.py checks the same after random everyday actions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store.clock import Clock
from store.facade import Store
from store.obligations import KINDS
from store.quick import quick_caseload
from tests.conftest import TODAY
from tests.store.obligation_cases import build


def disagreements(store: Store) -> list[tuple[str, int, list[str]]]:
    """(name, counted, listed kinds) of every caseload row whose count is not the model's."""
    out = []
    for row in store.caseload():
        listed = [o.kind for o in store.obligations(citizen_id=row.citizen_id)]
        if row.open_items != len(listed):
            out.append((row.name, row.open_items, listed))
    return out


@pytest.mark.parametrize("days", [0, -150, -40, 25, 120, 400])
def test_demo_caseload_counts_what_the_model_lists(demo_store: Store, days: int) -> None:
    demo_store.clock = Clock(TODAY + timedelta(days=days))
    rows = demo_store.caseload()
    assert len(rows) == demo_store.count_caseload() > 40
    assert disagreements(demo_store) == []
    assert sum(r.open_items for r in rows) > len(rows)  # more than the next meetings alone


def test_every_kind_is_counted(empty_db) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(empty_db, clock=Clock(TODAY))
    try:
        build(store)
        for days in (0, 35, 90):
            store.clock = Clock(TODAY + timedelta(days=days))
            if days == 0:
                assert {o.kind for o in store.obligations()} == set(KINDS)  # one case of each
            assert disagreements(store) == []
    finally:
        store.close()


@pytest.mark.sqlite_only  # the quick reader reads SQLite files only
def test_the_quick_first_page_counts_the_same(demo_db, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    quick = quick_caseload(demo_db, TODAY, None, 100)
    assert quick is not None
    listed = {row.citizen_id: len(demo_store.obligations(citizen_id=row.citizen_id)) for row in quick.rows}
    assert {row.citizen_id: row.open_items for row in quick.rows} == listed
