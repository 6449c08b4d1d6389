"""Every export leaves a line in the access log: which kind, to which file, never a CPR."""

from __future__ import annotations

import pytest

access_log = pytest.importorskip("store.access_log")


@pytest.mark.parametrize(("args", "action"), [
    (("ics",), "export_ics"),
    (("csv", "caseload"), "export_csv"),
    (("csv", "deadlines", "--full-cpr"), "export_csv"),
    (("json",), "export_json"),
])
def test_each_export_is_logged(run_cli, demo_db, tmp_path, args, action) -> None:
    target = tmp_path / "120607-8509 udtræk.out"
    code, _, err = run_cli("export", *args[:2 if args[0] == "csv" else 1], str(target), *args[2:],
                           "--db", str(demo_db), "--caseworker", "mette")
    assert code == 0, err
    entries = access_log.read()
    assert [e.action for e in entries] == [action]
    assert entries[0].caseworker == "mette"
    assert entries[0].file.endswith("XXXXXX-XXXX udtræk.out")
    assert access_log.verify() == []


def test_json_to_standard_output_is_logged_too(run_cli, demo_db) -> None:
    code, out, _ = run_cli("export", "json", "--db", str(demo_db))
    assert code == 0 and out
    assert [(e.action, e.file) for e in access_log.read()] == [("export_json", "<stdout>")]


def test_a_refused_export_is_not_logged(run_cli, demo_db, tmp_path) -> None:
    code, _, _ = run_cli("export", "ics", str(tmp_path / "c.ics"), "--from", "nonsense", "--db", str(demo_db))
    assert code == 2
    assert access_log.read() == []
