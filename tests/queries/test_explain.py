"""Query plans of the pane reads on a few thousand citizens: no pane may read a whole big
table row by row, and every per-citizen lookup must be keyed on that citizen.

The SQL checked is what the store really executes (captured from the engine), with its own
parameters, so a builder and its caller can never drift apart here. The statement builders
(caseload_stmt, doctors_stmt, courses_stmt, sparring_stmt, ...) are public for the same
reason: to look at a plan without running a pane.

`SEARCH t USING INDEX ...` with an ordering index (status, next_due) is the goal for the
ordered panes; SQLite reports `SCAN t USING INDEX` when it walks an index from one end, which
is also fine. A bare `SCAN t` reads every row of the table."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from store.db.engine import make_engine
from store.db.schema import upgrade
from store.facade import Store
from tests.conftest import TODAY
from tests.queries.bulk import fill

CITIZENS = 3000
BIG = ("citizen", "meeting", "contact_entry", "doctor_request", "supplier_course")
BARE_SCAN = re.compile(rf"^SCAN ({'|'.join(BIG)})\b(?!.*USING (COVERING )?INDEX)")
# A correlated lookup must be keyed on its parent row, or it reads the table once per row.
KEYED = re.compile(r"\((citizen_id|course_id|plan_id|meeting_id)=\?|INTEGER PRIMARY KEY")


@pytest.fixture(scope="module", params=["fresh", "analyzed"])
def bulk_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Once as the program leaves a database (it never runs ANALYZE) and once with
    statistics, since SQLite's choices differ between the two."""
    path = tmp_path_factory.mktemp("explain") / "bulk.db"
    engine = make_engine(path)
    upgrade(engine)
    fill(engine, CITIZENS, TODAY)
    if request.param == "analyzed":
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return path


@pytest.fixture
def bulk_store(bulk_db: Path, clock):
    store = Store.open(bulk_db, clock=clock)
    yield store
    store.close()


def plans_of(store: Store, call: Callable[[Store], object]) -> list[tuple[str, list[str]]]:
    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        call(store)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    assert seen, "the call ran no query"
    with store.engine.connect() as conn:
        return [
            (sql, [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)])
            for sql, params in seen
        ]


def problems(plans: list[tuple[str, list[str]]], allowed_scans: tuple[str, ...] = ()) -> list[str]:
    found = []
    for sql, lines in plans:
        for i, line in enumerate(lines):
            match = BARE_SCAN.match(line)
            if match and match.group(1) not in allowed_scans:
                found.append(f"{line}\n  in: {sql}")
            if "CORRELATED" in line:
                lookup = next((ln for ln in lines[i + 1:] if ln.startswith(("SEARCH", "SCAN"))), "")
                if not KEYED.search(lookup):
                    found.append(f"correlated lookup not keyed on its parent: {lookup}\n  in: {sql}")
    return found


PANES: dict[str, Callable[[Store], object]] = {
    "caseload": lambda s: s.caseload(limit=50),
    "caseload page 3": lambda s: s.caseload(limit=50, offset=100),
    "caseload search": lambda s: s.caseload(search="borger 1", limit=50),
    "caseload cpr": lambda s: s.caseload(search="010190", limit=50),
    "caseload accented search": lambda s: s.caseload(search="Ågaard", limit=50),
    "count accented search": lambda s: s.count_caseload(search="ølgaard"),
    "count caseload": lambda s: s.count_caseload(search="borger 1"),
    "doctors": lambda s: s.doctor_requests(limit=50),
    "doctors search": lambda s: s.doctor_requests(search="læge 1", limit=50),
    "count doctors": lambda s: s.count_doctor_requests(search="læge 1"),
    "courses": lambda s: s.courses_needing_followup(limit=50),
    "courses search": lambda s: s.courses_needing_followup(search="leverandør 3", limit=50),
    "count courses": lambda s: s.count_courses(),
    "citizen file": lambda s: s.citizen_file(55),
    "timeline": lambda s: s.timeline(55),
    "open items": lambda s: s.obligations(citizen_id=55),
    "due": lambda s: s.obligations(until=TODAY + timedelta(days=14)),
    "tasks": lambda s: s.obligations(kinds=("task",)),
    "sparring": lambda s: s.sparring(days=60, limit=500),
    # The Today pane a page at a time, and what a save's refresh reads.
    "today page": lambda s: s.agenda_page(limit=50),
    "today from the meetings": lambda s: s.agenda_page(limit=50, rest=True),
    "today next page": lambda s: s.agenda_page(after=(0, TODAY - timedelta(days=30), 0, "", 0), limit=50),
    "a save: the day of two": lambda s: s.agenda(citizen_ids=(55, 56)),
    "a save: caseload rows": lambda s: s.caseload(citizen_ids=(55,)),
    "a save: deadlines": lambda s: s.deadlines(citizen_ids=(55,)),
}


@pytest.mark.parametrize("pane", list(PANES))
def test_pane_reads_no_big_table_row_by_row(bulk_store: Store, pane: str) -> None:
    assert problems(plans_of(bulk_store, PANES[pane])) == []


def test_caseworker_filter_uses_its_index(bulk_db: Path, clock) -> None:
    store = Store.open(bulk_db, clock=clock, caseworker="cw1")
    try:
        assert problems(plans_of(store, lambda s: (s.caseload(limit=50), s.count_caseload(), s.sparring()))) == []
        rows = store.caseload(limit=50)
        assert rows and len(rows) == 50
    finally:
        store.close()


def test_numbers_reads_meetings_by_day(bulk_store: Store) -> None:
    # My numbers counts every citizen by nature (caseload at each month's end, the distinct
    # meeting intervals): one plain pass over the citizen table is the cheapest way to do that
    # (about 50 ms at 50,000 citizens). Meetings, by far the bigger table, must come through
    # the (day, status) index so only the last year or so is read.
    plans = plans_of(bulk_store, lambda s: s.numbers())
    assert problems(plans, allowed_scans=("citizen",)) == []
    assert any("ix_meeting_day_status" in line for _, lines in plans for line in lines)


def test_the_rule_catches_a_bare_scan() -> None:
    assert problems([("q", ["SCAN meeting"])]) and problems([("q", ["SCAN citizen"])])
    assert not problems([("q", ["SCAN citizen USING INDEX ix_citizen_name"])])
    assert not problems([("q", ["SCAN citizen_flag", "SCAN page"])])
    bad = ["SCAN page", "CORRELATED SCALAR SUBQUERY 3", "SEARCH doctor_request USING INDEX ix_doctor_request_status_due (status=?)"]
    assert problems([("q", bad)])
