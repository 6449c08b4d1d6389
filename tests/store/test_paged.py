"""A page of the day equals the same slice of the whole day read at once: every overdue
obligation shows when paged to, in the same order, none twice, and the counts are the whole
day's. Random caseloads (demo seeds and sizes), random days and random page sizes."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.clock import Clock
from store.db.session import reading
from store.facade import Store
from store.obligations import obligations
from store.obligations.model import order_key
from store.obligations.paged import overdue_page
from tests.conftest import TODAY

pytestmark = pytest.mark.sqlite_only


@pytest.fixture(scope="module")
def caseloads(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from store.db.engine import make_engine
    from store.db.schema import upgrade
    from store.demo import generate

    paths = []
    for seed, citizens in ((2, 30), (3, 120)):
        path = tmp_path_factory.mktemp("paged") / f"demo-{seed}.db"
        engine = make_engine(path)
        upgrade(engine)
        generate(engine, citizens=citizens, seed=seed, today=TODAY)
        engine.dispose()
        paths.append(path)
    return paths


def _pages(session, today: date, limit: int) -> tuple[list, int]:  # type: ignore[no-untyped-def]
    got, after, total = [], None, None
    while True:
        page = overdue_page(session, today, after=after, limit=limit)
        total = page.total if total is None else total
        assert page.total == total and len(page.items) <= limit
        got += page.items
        if len(page.items) < limit:
            return got, total
        after = order_key(page.items[-1])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 1), shift=st.integers(-120, 200), limit=st.sampled_from([1, 2, 3, 7, 25, 200]))
def test_pages_are_the_whole_overdue_list_in_order(caseloads: list[Path], which: int, shift: int, limit: int) -> None:
    today = TODAY + timedelta(days=shift)
    store = Store.open(caseloads[which], clock=Clock(today), read_only=True)
    try:
        with reading(store.engine) as s:
            whole = [item for item in obligations(s, today, until=today) if item.days_left < 0]
            got, total = _pages(s, today, limit)
            assert got == whole and total == len(whole)
            counts = dict(overdue_page(s, today, limit=limit).counts)
            assert counts == dict(Counter(item.citizen_id for item in whole))
    finally:
        store.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 1), shift=st.integers(-60, 120))
def test_the_page_of_the_day_holds_what_the_whole_day_holds(caseloads: list[Path], which: int, shift: int) -> None:
    today = TODAY + timedelta(days=shift)
    store = Store.open(caseloads[which], clock=Clock(today), read_only=True)
    try:
        whole = store.agenda()
        page = store.agenda_page(limit=10_000)
        assert page.overdue == whole.overdue and page.rest.meetings == whole.meetings
        assert page.rest.due == whole.due and page.rest.not_invited == whole.not_invited
        rows = [*whole.overdue, *whole.meetings, *whole.not_invited, *whole.due]
        assert dict(page.counts) == dict(Counter(row.citizen_id for row in rows)) and page.total == len(rows)
        first = store.agenda_page(limit=3)
        assert first.overdue == whole.overdue[:3] and first.total == len(rows)
    finally:
        store.close()


def test_a_few_citizens_are_read_in_one_query_per_kind(demo_store: Store) -> None:
    """`agenda(citizen_ids=...)` is the whole day's rows of those citizens, whatever their number."""
    from sqlalchemy import event

    whole = demo_store.agenda()
    ids = sorted({item.citizen_id for item in whole.overdue if item.citizen_id is not None})[:6]
    statements: list[str] = []
    event.listen(demo_store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    few = demo_store.agenda(citizen_ids=ids)
    for_few, statements[:] = len(statements), []
    one = demo_store.agenda(citizen_ids=ids[:1])
    assert few.overdue == tuple(item for item in whole.overdue if item.citizen_id in ids)
    assert one.overdue == tuple(item for item in whole.overdue if item.citizen_id == ids[0])
    assert len(ids) == 6 and for_few == len(statements)  # one query per kind, not one per citizen


def test_warming_the_save_reads_reads_nothing(demo_store: Store) -> None:
    from sqlalchemy import event

    rows: list[int] = []
    event.listen(demo_store.engine, "after_cursor_execute", lambda conn, cursor, *a: rows.append(cursor.rowcount))
    demo_store.warm_saves()
    assert rows and demo_store.agenda(citizen_ids=()).overdue == () and demo_store.caseload(citizen_ids=()) == []
