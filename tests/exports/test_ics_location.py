"""ICS LOCATION: no control characters (RFC 5545), and the place's detail (a residential home,
a treatment centre) only where full names are allowed, as for SUMMARY."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.conftest import TODAY

icalendar = pytest.importorskip("icalendar")

HOME = "Bostedet\x1b[31mLærkely\x00\x07 afd.\r\nB"


def _event(run_cli, demo_db, demo_store, tmp_path, planned_in_range):  # type: ignore[no-untyped-def]
    from store.commands import meetings

    target = planned_in_range(TODAY, TODAY + timedelta(days=180))[0]
    demo_store.execute(meetings.EditMeeting(meeting_id=target.meeting_id, changes={"place": "residential", "place_detail": HOME}))
    path = tmp_path / "cal.ics"
    code, _, err = run_cli("export", "ics", str(path), "--db", str(demo_db))
    assert code == 0, err
    raw = path.read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    [event] = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith(f"meeting-{target.meeting_id}@")]
    return raw, event


def test_location_has_no_detail_and_no_control_characters(run_cli, demo_db, demo_store, tmp_path, planned_in_range) -> None:
    raw, event = _event(run_cli, demo_db, demo_store, tmp_path, planned_in_range)
    location = str(event["LOCATION"])
    assert "Lærkely" not in location and "Bostedet" not in location
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw)


def test_full_names_show_the_detail_cleaned(run_cli, demo_db, demo_store, tmp_path, planned_in_range, _isolated_home) -> None:
    (_isolated_home / "config.toml").write_text("calendar_full_names = true\n", encoding="utf-8")
    raw, event = _event(run_cli, demo_db, demo_store, tmp_path, planned_in_range)
    location = str(event["LOCATION"])
    assert "Bostedet[31mLærkely afd.  B" in location
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw)
