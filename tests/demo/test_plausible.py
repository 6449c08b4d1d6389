"""The demo is plausible: no meeting on a day the jobcentre is closed, and a demo made on a
weekend still has a working day's meetings on the next working day."""

from __future__ import annotations

from datetime import date

import pytest

from store.db.engine import make_engine
from store.db.schema import upgrade
from store.demo import generate
from store.facade import Store
from store.rules.calendar import is_open_day


@pytest.mark.parametrize("today", [date(2026, 11, 23), date(2026, 11, 28), date(2026, 12, 24)])
def test_no_meeting_on_a_closed_day(tmp_path, today: date) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(tmp_path / "demo.db")
    upgrade(engine)
    generate(engine, citizens=60, seed=5, today=today)
    with engine.connect() as conn:
        days = [d for (d,) in conn.exec_driver_sql("select distinct day from meeting")]
    closed = [d for d in days if not is_open_day(date.fromisoformat(str(d)))]
    assert closed == []
    store = Store(engine)
    nearest = next(d for d in (date.fromordinal(today.toordinal() + n) for n in range(7)) if is_open_day(d))
    assert len(store.agenda(nearest).meetings) >= 4
