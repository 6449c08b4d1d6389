"""`generate`: write a fictional caseload into an empty database.

Rows are built in memory per chunk of citizens and written with bulk Core inserts, all in
one transaction, so 50,000 citizens take seconds and a failure leaves nothing half-written.
The stored deadlines are then computed by derive.refresh_all, the same code every write uses."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import Engine, update

from store.db.base import table_of
from store.db.models import Citizen, Meeting, SupplierCourse
from store.demo.calendar import OpenDays
from store.demo.citizen import add_citizen, add_extras
from store.demo.context import Ctx
from store.demo.rows import ORDER, Rows
from store.demo.courses import add_suppliers
from store.demo.writer import advance_sequences, big_cache
from store.demo.scenarios import SCENARIOS
from store.demo.shape import random_shape
from store.demo.summary import DemoSummary
from store.demo.tasks import add_task
from store.derive import refresh_all

CHUNK = 2000  # citizens per write; keeps memory flat at 50,000
HISTORY_YEARS = 6  # the oldest first request plus slack for the calendar

Progress = Callable[[int, int], None]


def generate(engine: Engine, *, citizens: int, seed: int, today: date, progress: Progress | None = None,
             caseworker: str | None = None) -> DemoSummary:
    """The same seed and today always give the same database (ids included, on an empty one).
    Progress runs once over the citizens written and once more over the deadlines computed."""
    if citizens < 0:
        raise ValueError("citizens must not be negative")
    report = progress or (lambda done, total: None)
    total = 2 * citizens
    rng = random.Random(seed)
    days = OpenDays(today.year - HISTORY_YEARS, today.year + 1)
    # Row timestamps say "written when the demo was made", from today rather than the clock.
    stamp = datetime.combine(today, time(7, 0))
    with engine.connect().execution_options(sagsdag_write=True) as conn, big_cache(conn), conn.begin():
        rows = Rows(conn, stamp)
        ctx = Ctx(rng=rng, rows=rows, days=days, today=today, caseworker=caseworker)
        add_suppliers(ctx)
        if citizens:
            add_task(ctx, None, "Forbered sagssparring med teamleder", days.on_or_after(today + timedelta(days=2)))
        for i in range(citizens):
            if i < len(SCENARIOS):
                SCENARIOS[i](ctx)
            else:
                shape = random_shape(rng, days, today)
                cid, story, person = add_citizen(ctx, shape)
                add_extras(ctx, cid, shape, story, person)
            if (i + 1) % CHUNK == 0 or i + 1 == citizens:
                rows.flush(conn)
                report(i + 1, total)
        rows.flush(conn)
        advance_sequences(conn, [table_of(model) for model in ORDER])
    refresh_all(engine, lambda done, _: report(citizens + done, total))
    # refresh_all's bulk UPDATE stamps updated_at with the wall clock (the column's onupdate);
    # put the demo's own stamp back so the same seed and day give the same bytes.
    with engine.connect().execution_options(sagsdag_write=True) as conn, conn.begin():
        for model in (Citizen, SupplierCourse):
            table = table_of(model)
            conn.execute(update(table).where(table.c.id >= rows.first_id[model]).values(updated_at=stamp))
    written = rows.written
    return DemoSummary(
        citizens=written[Citizen], meetings=written[Meeting], records=sum(written.values()),
        suppliers=len(ctx.suppliers), courses=written[SupplierCourse],
    )
