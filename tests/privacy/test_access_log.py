"""The append-only access log: JSON lines, 0600, never rewritten, no CPR or note text."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from store import access_log
from store.db.engine import data_dir


def test_entries_are_appended_and_read_newest_first() -> None:
    access_log.record("reveal_cpr", caseworker="mette", citizen_id=12, when=datetime(2026, 11, 23, 8, 0))
    access_log.record("export_json", caseworker="mette", file="/tmp/out.json", when=datetime(2026, 11, 23, 9, 0))
    entries = access_log.read()
    assert [e.action for e in entries] == ["export_json", "reveal_cpr"]
    assert entries[1].citizen_id == 12 and entries[0].file == "/tmp/out.json"
    path = data_dir() / "access.log"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["time"] == "2026-11-23T08:00:00" and first["caseworker"] == "mette"
    assert access_log.verify() == []


def test_never_rewritten_only_appended() -> None:
    access_log.record("restore", caseworker="a", file="x.db")
    path = access_log.log_path()
    head = path.read_bytes()
    ino = path.stat().st_ino
    access_log.record("import_csv", caseworker="a", file="y.csv")
    assert path.read_bytes().startswith(head)
    assert path.stat().st_ino == ino


def test_a_changed_or_removed_line_is_detected() -> None:
    for n in range(3):
        access_log.record("reveal_cpr", caseworker="a", citizen_id=n)
    path = access_log.log_path()
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(lines[0] + lines[2])
    assert access_log.verify() != []


def test_no_cpr_ever() -> None:
    access_log.record("export_csv", caseworker="a", file="/tmp/010190-1234 liste.csv")
    text = access_log.log_path().read_text(encoding="utf-8")
    assert "010190-1234" not in text and "0101901234" not in text
    with pytest.raises(ValueError):
        access_log.record("reveal_cpr", caseworker="a", citizen_id="010190-1234")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        access_log.record("looked_around", caseworker="a")


def test_caseworker_defaults_to_the_login_name() -> None:
    entry = access_log.record("reveal_cpr", citizen_id=1)
    assert entry.caseworker


def test_restore_is_logged(run_cli, demo_db: Path) -> None:
    code, _, err = run_cli("backup", "--db", str(demo_db))
    assert code == 0, err
    code, _, err = run_cli("restore", "1", "--db", str(demo_db), "--caseworker", "mette")
    assert code == 0, err
    [entry] = access_log.read()
    assert entry.action == "restore" and entry.caseworker == "mette" and entry.file and entry.file.endswith(".db")


def test_survives_a_damaged_line() -> None:
    access_log.record("reveal_cpr", caseworker="a", citizen_id=1)
    with open(access_log.log_path(), "ab") as fh:
        fh.write(b"\xff not json\n")
    access_log.record("reveal_cpr", caseworker="a", citizen_id=2)
    assert [e.citizen_id for e in access_log.read()] == [2, 1]
    assert any(p.code == "damaged" for p in access_log.verify())
    assert os.access(access_log.log_path(), os.R_OK)
