from __future__ import annotations

import json
from datetime import date, timedelta

from tests.conftest import TODAY


def test_agenda_lists_todays_meetings_in_time_order(run_cli, demo_db) -> None:
    code, out, err = run_cli("agenda", "--json", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0, err
    data = json.loads(out)
    assert data["date"] == TODAY.isoformat()
    starts = [m["start"] for m in data["meetings"]]
    assert starts and starts == sorted(starts)
    assert all(s.startswith(TODAY.isoformat()) for s in starts)
    assert all(d["due"] == TODAY.isoformat() for d in data["due"])


def test_agenda_for_another_date(run_cli, demo_db) -> None:
    day = TODAY + timedelta(days=1)
    code, out, _ = run_cli("agenda", "--json", "--date", day.isoformat(), "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0
    data = json.loads(out)
    assert data["date"] == day.isoformat()
    assert all(date.fromisoformat(d["due"]) == day for d in data["due"])


def test_human_agenda_names_the_day_in_danish(run_cli, demo_db) -> None:
    code, out, _ = run_cli("agenda", "--db", str(demo_db), "--today", TODAY.isoformat())
    assert code == 0
    assert "mandag 23-11-2026" in out


def test_agenda_table_draws_a_hostile_name_without_obeying_it(run_cli, empty_db) -> None:
    from datetime import datetime

    from store.clock import Clock
    from store.commands import citizens, meetings
    from store.facade import Store

    store = Store.open(empty_db, clock=Clock(TODAY))
    try:
        cid = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Bo \x1b[2J\x9b31m", first_request=TODAY)).value
        store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime.combine(TODAY, datetime.min.time()).replace(hour=9)))
    finally:
        store.close()
    code, out, err = run_cli("agenda", "--db", str(empty_db), "--today", TODAY.isoformat())
    assert code == 0, err
    assert "␛[2J" in out and "\x1b[2J" not in out and "\x9b" not in out  # shown, not obeyed
    assert "010190-XXXX" in out and "010190-1234" not in out
