"""After `sagsdag demo` (which writes its own ids), new records get fresh ids on every
database: on PostgreSQL the sequences are moved past the demo's ids."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from tests.conftest import TODAY


def test_inserts_after_a_demo_get_new_ids(new_database, clock) -> None:  # type: ignore[no-untyped-def]
    from store.commands import citizens, journal_entries
    from store.db.base import Base
    from store.demo import generate
    from store.facade import Store

    store = Store.open(new_database("after_demo"), clock=clock)
    try:
        generate(store.engine, citizens=12, seed=3, today=TODAY)
        citizen = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Ny Borger", first_request=date(2026, 11, 2))).value
        contact = store.execute(journal_entries.LogContact(citizen_id=citizen, at=datetime(2026, 11, 23, 9),
                            channel="phone", direction="out", reached=True, note="efter demo")).value
        assert citizen > 12 and contact > 0
        if store.engine.dialect.name == "postgresql":
            with store.engine.connect() as conn:
                for table in Base.metadata.sorted_tables:
                    if "id" not in table.c or not table.c.id.autoincrement:
                        continue
                    seq = conn.scalar(select(func.pg_get_serial_sequence(table.name, "id")))
                    if seq is None:
                        continue
                    top = conn.scalar(select(func.max(table.c.id))) or 0
                    last = conn.exec_driver_sql(f"SELECT last_value, is_called FROM {seq}").one()
                    assert last[0] >= top, table.name
    finally:
        store.close()
