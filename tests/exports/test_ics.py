"""`sagsdag export ics`: read back with icalendar, the way a calendar program would."""

from __future__ import annotations

import re
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.conftest import TODAY

icalendar = pytest.importorskip("icalendar")

FROM, TO = TODAY - timedelta(days=30), TODAY + timedelta(days=180)


def export(run_cli, db: Path, target: Path, *extra: str):  # type: ignore[no-untyped-def]
    code, _, err = run_cli("export", "ics", str(target), "--db", str(db), *extra)
    assert code == 0, err
    return icalendar.Calendar.from_ical(target.read_bytes())


def events(cal) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_every_planned_meeting_in_the_default_range(run_cli, demo_db, tmp_path, planned_in_range) -> None:
    cal = export(run_cli, demo_db, tmp_path / "cal.ics")
    expected = planned_in_range(FROM, TO)
    assert expected, "the demo caseload should have planned meetings"
    found = events(cal)
    assert len(found) == len(expected)
    by_id = {int(uid.split("@")[0].removeprefix("meeting-")): e for uid, e in found.items()}
    for m in expected:
        event = by_id[m.meeting_id]
        assert event.decoded("DTSTART").replace(tzinfo=None) == m.start
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=m.minutes)
        assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
        assert str(event["STATUS"]) == "CONFIRMED"


def test_timezone_component_and_private_file(run_cli, demo_db, tmp_path) -> None:
    target = tmp_path / "cal.ics"
    cal = export(run_cli, demo_db, target)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert b"\r\n" in target.read_bytes()  # RFC 5545 lines end in CRLF


def test_uids_are_stable_and_kept_per_database(run_cli, demo_db, tmp_path) -> None:
    from store.db.engine import make_engine
    from store.db.models import Meta
    from store.db.session import reading

    first = tmp_path / "a.ics"
    second = tmp_path / "b.ics"
    export(run_cli, demo_db, first)
    export(run_cli, demo_db, second)
    assert set(events(icalendar.Calendar.from_ical(first.read_bytes()))) == set(
        events(icalendar.Calendar.from_ical(second.read_bytes()))
    )
    # Nothing changed, so nothing in the file changed: calendars see no spurious updates.
    assert first.read_bytes() == second.read_bytes()
    engine = make_engine(demo_db)
    with reading(engine) as s:
        domain = s.get(Meta, "ics_uid_domain").value
    engine.dispose()
    assert all(uid.startswith("meeting-") and uid.endswith("@" + domain) for uid in events(
        icalendar.Calendar.from_ical(first.read_bytes())))


def test_a_moved_meeting_keeps_its_uid_and_raises_sequence(run_cli, demo_db, demo_store, tmp_path, planned_in_range) -> None:
    from store.commands import meetings

    moved = planned_in_range(TODAY, TO)[0]
    before = events(export(run_cli, demo_db, tmp_path / "a.ics"))
    uid = next(u for u in before if u.startswith(f"meeting-{moved.meeting_id}@"))
    new_start = moved.start + timedelta(days=1, hours=1)
    demo_store.execute(meetings.EditMeeting(meeting_id=moved.meeting_id, changes={"start": new_start}))
    after = events(export(run_cli, demo_db, tmp_path / "b.ics"))
    assert set(after) == set(before)
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
    assert after[uid].decoded("DTSTART").replace(tzinfo=None) == new_start


def test_cancelled_meetings_only_when_asked(run_cli, demo_db, demo_store, tmp_path, planned_in_range) -> None:
    from store.commands import meetings

    cancelled = planned_in_range(TODAY, TO)[0]
    before = events(export(run_cli, demo_db, tmp_path / "a.ics"))
    uid = next(u for u in before if u.startswith(f"meeting-{cancelled.meeting_id}@"))
    demo_store.execute(meetings.CancelMeeting(meeting_id=cancelled.meeting_id))
    assert uid not in events(export(run_cli, demo_db, tmp_path / "b.ics"))
    with_cancelled = events(export(run_cli, demo_db, tmp_path / "c.ics", "--include-cancelled"))
    assert str(with_cancelled[uid]["STATUS"]) == "CANCELLED"
    assert int(with_cancelled[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])


def test_nothing_sensitive_in_the_calendar(run_cli, demo_db, demo_store, tmp_path, planned_in_range) -> None:
    from store.commands import meetings
    from store.db.models import CaseNote, Citizen, CitizenFlag, Meeting
    from store.db.session import reading

    target = planned_in_range(TODAY, TO)[0]
    demo_store.execute(meetings.EditMeeting(meeting_id=target.meeting_id, changes={"preparation_note": "Angst efter indlæggelse, spørg til medicinen", "place_detail": "Lokale 4"}))
    path = tmp_path / "cal.ics"
    cal = export(run_cli, demo_db, path)
    text = path.read_bytes().decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    with reading(demo_store.engine) as s:
        cprs = list(s.scalars(select(Citizen.cpr)))
        names = list(s.scalars(select(Citizen.name)))
        secrets = list(s.scalars(select(CaseNote.text)))
        secrets += list(s.scalars(select(CitizenFlag.text)))
        for m in s.scalars(select(Meeting)):
            secrets += [v for v in (m.preparation_note, m.summary, m.agreement) if v]
    digits = re.sub(r"\D", "", unfolded)
    for cpr in cprs:
        assert cpr not in unfolded and cpr.replace("-", "") not in digits
    for name in names:
        assert name not in unfolded
    for secret in secrets:
        assert secret not in unfolded
    assert "DESCRIPTION" not in unfolded
    event = events(cal)[next(u for u in events(cal) if u.startswith(f"meeting-{target.meeting_id}@"))]
    assert "Lokale 4" not in str(event["LOCATION"])  # the place's detail goes with the name rule
    assert str(event["SUMMARY"]) == "Samtale: " + ".".join(p[0] for p in target.citizen_name.split()) + "."


def test_full_names_when_the_config_says_so(run_cli, demo_db, tmp_path, planned_in_range, _isolated_home) -> None:
    (_isolated_home / "config.toml").write_text("calendar_full_names = true\n", encoding="utf-8")
    summaries = {str(e["SUMMARY"]) for e in events(export(run_cli, demo_db, tmp_path / "cal.ics")).values()}
    assert summaries == {f"Samtale: {m.citizen_name}" for m in planned_in_range(FROM, TO)}


def test_english_summary_and_place(run_cli, demo_db, tmp_path) -> None:
    found = events(export(run_cli, demo_db, tmp_path / "cal.ics", "--lang", "en")).values()
    assert all(str(e["SUMMARY"]).startswith("Meeting: ") for e in found)
    assert "jobcentre" in {str(e["LOCATION"]).split(",")[0] for e in found}


def test_range_and_caseworker(run_cli, demo_db, demo_store, tmp_path, planned_in_range) -> None:
    from store.db.models import Citizen

    week = planned_in_range(TODAY, TODAY + timedelta(days=6))
    found = events(export(run_cli, demo_db, tmp_path / "w.ics", "--from", TODAY.isoformat(),
                          "--to", (TODAY + timedelta(days=6)).strftime("%d-%m-%Y")))
    assert len(found) == len(week)
    mine = week[0].citizen_id
    with demo_store.engine.begin() as conn:
        conn.execute(update(Citizen).values(caseworker="Bente"))
        conn.execute(update(Citizen).where(Citizen.id == mine).values(caseworker="Ali"))
    found = events(export(run_cli, demo_db, tmp_path / "ali.ics", "--caseworker", "Ali"))
    assert found and all(str(e["SUMMARY"]) == str(next(iter(found.values()))["SUMMARY"]) for e in found.values())
    everyone = planned_in_range(FROM, TO)
    assert len(found) == sum(m.citizen_id == mine for m in everyone)


@pytest.mark.parametrize(("args", "words"), [
    (("--from", "2026-13-01"), "--from '2026-13-01' is not a date"),
    (("--to", "i morgen"), "--to 'i morgen' is not a date"),
    (("--from", "2026-12-01", "--to", "2026-11-01"), "--from 2026-12-01 is after --to 2026-11-01"),
])
def test_bad_dates_are_a_usage_error(run_cli, demo_db, tmp_path, args, words) -> None:
    target = tmp_path / "cal.ics"
    code, _, err = run_cli("export", "ics", str(target), "--db", str(demo_db), "--lang", "en", *args)
    assert code == 2
    assert words in " ".join(err.split())
    assert not target.exists()


def test_unwritable_target_is_one_clear_sentence(run_cli, demo_db, tmp_path) -> None:
    target = tmp_path / "missing" / "cal.ics"
    code, _, err = run_cli("export", "ics", str(target), "--db", str(demo_db), "--lang", "en")
    assert code == 2
    flat = " ".join(err.split())
    assert f"cannot write {target}" in flat and "Traceback" not in err
    assert ".tmp" not in flat


def test_no_temporary_file_is_left_behind(run_cli, demo_db, tmp_path) -> None:
    export(run_cli, demo_db, tmp_path / "cal.ics")
    assert not list(tmp_path.glob(".*.tmp"))
