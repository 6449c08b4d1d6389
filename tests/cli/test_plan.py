"""`sagsdag plan`: proposals as JSON, nothing written without --accept, one undo step with it,
and the accepted meetings in the calendar export."""

from __future__ import annotations

import json
import re


from store.facade import Store
from store.planning.service import without_timely_booking


def _plan(run_cli, db, *extra: str) -> dict:  # type: ignore[no-untyped-def]
    code, out, err = run_cli("plan", "--db", str(db), "--today", "2026-11-23", "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_json_shape_and_masked_cpr(run_cli, demo_db) -> None:  # type: ignore[no-untyped-def]
    data = _plan(run_cli, demo_db)
    assert set(data) == {"proposals", "unplaced"}
    assert data["proposals"]
    for p in data["proposals"]:
        assert set(p) == {"cpr", "name", "start", "minutes", "place", "kind", "deadline"}
        assert re.fullmatch(r"\d{6}-XXXX", p["cpr"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", p["start"])
        assert p["kind"] in ("next_meeting", "first_period", "three_party")
    for u in data["unplaced"]:
        assert set(u) == {"cpr", "name", "kind", "deadline", "why"}
        assert u["why"]


def test_full_cpr(run_cli, demo_db) -> None:  # type: ignore[no-untyped-def]
    data = _plan(run_cli, demo_db, "--full-cpr")
    assert all("X" not in p["cpr"] for p in data["proposals"])


def test_changes_nothing_without_accept(run_cli, demo_db) -> None:  # type: ignore[no-untyped-def]
    assert _plan(run_cli, demo_db) == _plan(run_cli, demo_db)


def test_accept_books_every_deadline_it_can_in_one_undo_step(run_cli, demo_db, clock, backend) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(demo_db, clock=clock)
    before = without_timely_booking(store)
    data = _plan(run_cli, demo_db, "--accept")
    assert len(data["written"]) == len(data["proposals"])
    # The window's deadlines are all booked now, except the citizens listed with a reason.
    in_window, overdue = without_timely_booking(store)
    # 2026-11-25 is the first day reachable with two working days' notice.
    assert in_window == len({u["name"] for u in data["unplaced"] if u["deadline"] >= "2026-11-25"})
    assert in_window < before[0] or before[0] == 0
    assert overdue == 0  # every citizen past reach got the earliest meeting there was room for
    again = _plan(run_cli, demo_db)  # everyone proposed is booked now: nothing new to propose
    assert again["proposals"] == [] and again["unplaced"] == data["unplaced"]
    # The accept ran in another process (window); undo it as that caseworker from any window.
    store.instance = None
    assert store.undo() == "planning.accept"
    assert without_timely_booking(store) == before
    store.close()


def test_accepted_meetings_are_in_the_calendar_export(run_cli, demo_db, tmp_path, backend) -> None:  # type: ignore[no-untyped-def]
    data = _plan(run_cli, demo_db, "--accept")
    ics = tmp_path / "m.ics"
    code, _, err = run_cli("export", "ics", str(ics), "--db", str(demo_db), "--today", "2026-11-23")
    assert code == 0, err
    text = ics.read_text()
    for p in data["proposals"]:
        stamp = p["start"].replace("-", "").replace(":", "") + "00"
        assert f"DTSTART;TZID=Europe/Copenhagen:{stamp}" in text


def test_bad_weeks_is_one_sentence(run_cli, demo_db) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli("plan", "--db", str(demo_db), "--weeks", "0")
    assert code == 2 and "--weeks" in err


def test_people_table_in_english(run_cli, demo_db) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli("plan", "--db", str(demo_db), "--today", "2026-11-23", "--lang", "en")
    assert code == 0 and "Proposals" in out
