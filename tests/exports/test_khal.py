"""The calendar file in a real calendar program: khal imports it into a vdir, and its agenda
must match `sagsdag agenda` meeting for meeting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import TODAY

KHAL = Path(sys.executable).with_name("khal")

pytestmark = pytest.mark.skipif(not KHAL.exists(), reason="khal is not installed (pip install -e '.[test]')")


def initials(name: str) -> str:
    return "".join(f"{part[0].upper()}." for part in name.split())


class Khal:
    def __init__(self, root: Path) -> None:
        (root / "cal").mkdir(parents=True)
        self.config = root / "khal.conf"
        self.config.write_text(
            "[calendars]\n[[sagsdag]]\n"
            f"path = {root / 'cal'}\ntype = calendar\n\n"
            "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
            "local_timezone = Europe/Copenhagen\ndefault_timezone = Europe/Copenhagen\n\n"
            f"[sqlite]\npath = {root / 'khal.db'}\n",
            encoding="utf-8",
        )
        # khal must not read or write the real user's files.
        self.env = {**os.environ, "HOME": str(root), "XDG_CONFIG_HOME": str(root), "XDG_DATA_HOME": str(root),
                    "TZ": "Europe/Copenhagen"}

    def __call__(self, *args: str) -> str:
        result = subprocess.run([str(KHAL), "-c", str(self.config), *args], env=self.env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def day(self, day: date) -> list[tuple[str, str, str]]:
        out = self("list", "--format", "{start-date}|{start-time}|{end-time}|{title}", "--day-format", "",
                   day.isoformat(), (day + timedelta(days=1)).isoformat())
        rows = [line.split("|") for line in out.splitlines() if line.strip()]
        return sorted((start, end, title) for d, start, end, title in rows if d == day.isoformat())


def agenda(run_cli, db: Path, day: date) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    code, out, err = run_cli("agenda", "--date", day.isoformat(), "--json", "--db", str(db))
    assert code == 0, err
    rows = []
    for m in json.loads(out)["meetings"]:
        if m["status"] != "planned":
            continue
        start = datetime.fromisoformat(m["start"])
        end = start + timedelta(minutes=m["minutes"])
        rows.append((f"{start:%H:%M}", f"{end:%H:%M}", f"Samtale: {initials(m['name'])}"))
    return sorted(rows)


def busy_days(run_cli, db: Path, count: int) -> list[date]:  # type: ignore[no-untyped-def]
    days, day = [], TODAY
    while len(days) < count and day < TODAY + timedelta(days=60):
        if agenda(run_cli, db, day):
            days.append(day)
        day += timedelta(days=1)
    return days


def test_khal_shows_the_same_meetings_as_the_agenda(run_cli, demo_db, tmp_path) -> None:
    khal = Khal(tmp_path / "khal")
    target = tmp_path / "cal.ics"
    code, _, err = run_cli("export", "ics", str(target), "--db", str(demo_db))
    assert code == 0, err
    khal("import", "--batch", "-a", "sagsdag", str(target))
    days = busy_days(run_cli, demo_db, 3)
    assert len(days) == 3
    for day in days:
        assert khal.day(day) == agenda(run_cli, demo_db, day), day


def test_a_moved_meeting_moves_in_khal_too(run_cli, demo_db, demo_store, tmp_path) -> None:
    from store.commands import meetings

    khal = Khal(tmp_path / "khal")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run_cli("export", "ics", str(first), "--db", str(demo_db))[0] == 0
    khal("import", "--batch", "-a", "sagsdag", str(first))
    day = busy_days(run_cli, demo_db, 1)[0]
    meeting = next(m for m in demo_store.agenda(day).meetings if m.status == "planned")
    demo_store.execute(meetings.EditMeeting(meeting_id=meeting.meeting_id, changes={"start": meeting.start + timedelta(days=1)}))
    assert run_cli("export", "ics", str(second), "--db", str(demo_db))[0] == 0
    khal("import", "--batch", "-a", "sagsdag", str(second))
    for d in (day, day + timedelta(days=1)):
        assert khal.day(d) == agenda(run_cli, demo_db, d), d
