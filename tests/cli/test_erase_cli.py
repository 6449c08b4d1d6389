"""`sagsdag delete-citizen CPR`: first it says what would go, with --yes it deletes and logs."""

from __future__ import annotations

from datetime import date, datetime

from store import access_log
from store.commands import citizens, journal_entries, meetings
from store.facade import Store
from tests.conftest import TODAY


def _anna(target, clock) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(target, clock=clock, caseworker="kmj")
    try:
        cid = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
        store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 30, 10), minutes=60))
        store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="Note"))
    finally:
        store.close()


def test_delete_citizen_asks_then_deletes_and_logs(run_cli, new_database, clock) -> None:
    target = str(new_database("erase"))
    _anna(target, clock)
    common = ("--db", target, "--caseworker", "kmj", "--today", TODAY.isoformat(), "--lang", "en")
    code, out, err = run_cli("delete-citizen", "010190-1234", *common)
    text = " ".join(err.split())
    assert code == 1
    assert "Anna Hansen" in text and "1 meeting(s)" in text and "1 note(s)" in text and "--yes" in text
    assert "010190-1234" not in text
    code, out, _ = run_cli("deadlines", "--json", *common)
    assert "Anna Hansen" in out
    code, out, err = run_cli("delete-citizen", "010190-1234", "--yes", *common)
    assert code == 0, err
    code, out, _ = run_cli("deadlines", "--json", *common)
    assert "Anna Hansen" not in out
    [entry] = access_log.read()
    assert entry.action == "delete_citizen" and entry.citizen and entry.caseworker == "kmj"


def test_an_unknown_cpr_is_a_sentence(run_cli, new_database, clock) -> None:
    target = str(new_database("erase"))
    _anna(target, clock)
    code, _, err = run_cli("delete-citizen", "020285-4321", "--db", target, "--caseworker", "kmj", "--yes")
    assert code == 2 and "020285-XXXX" in err and "4321" not in err
