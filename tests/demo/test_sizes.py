from __future__ import annotations

from pathlib import Path

import pytest

from tests.demo.helpers import build, rows


@pytest.mark.parametrize("citizens", [0, 1, 4, 20])
def test_small_sizes_work(tmp_path: Path, citizens: int) -> None:
    path = tmp_path / "d.db"
    summary = build(path, citizens=citizens)
    assert summary.citizens == citizens
    assert rows(path, "select count(*) from citizen where status = 'active' and next_due is null")[0][0] == 0


def test_twenty_citizens_already_show_the_key_states(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    build(path, citizens=20)
    today = "2026-11-23"
    assert rows(path, "select count(*) from meeting where day = ?", today)[0][0] >= 3
    assert rows(path, "select count(*) from hearing where decided_on is null")[0][0] >= 1
    assert rows(path, "select count(*) from doctor_request where status = 'sent' and answer_due < ?", today)[0][0] >= 1
