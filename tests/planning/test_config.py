"""The [plan] table of the config file: the week template, buffer and notice, with mistakes
reported and the defaults kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store.planning.model import DEFAULT_TEMPLATE, PlanSettings
from tui.config import load_config


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_defaults_follow_seed_001(tmp_path: Path) -> None:
    assert _load(tmp_path, "").plan is None  # the planner's defaults, without importing it at start-up
    defaults = PlanSettings()
    assert defaults.buffer_minutes == 15 and defaults.notice_days == 2
    monday, friday = date(2026, 11, 23), date(2026, 11, 27)
    assert [str(b) for b in DEFAULT_TEMPLATE.blocks(monday)] == ["09:00-12:00", "13:00-15:00"]
    assert DEFAULT_TEMPLATE.blocks(friday) == ()


def test_the_app_starts_without_the_planner() -> None:
    import subprocess
    import sys

    code = "import sys, tui.app; print(any('store.planning' in m for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_alternating_weeks_buffer_and_notice(tmp_path: Path) -> None:
    config = _load(tmp_path, """
[plan]
buffer_minutes = 20
notice_days = 3

[[plan.week]]
mon = ["09:00-12:00"]
tue = ["9-12"]

[[plan.week]]
mon = ["13:00-15:30"]
""")
    assert not config.problems
    assert (config.plan.buffer_minutes, config.plan.notice_days) == (20, 3)
    assert config.plan.template.as_days() == [
        {"mon": ["09:00-12:00"], "tue": ["09:00-12:00"]}, {"mon": ["13:00-15:30"]},
    ]


def test_mistakes_are_reported_and_the_defaults_kept(tmp_path: Path) -> None:
    config = _load(tmp_path, """
[plan]
buffer_minutes = "lots"
colour = 3

[[plan.week]]
mon = ["12:00-09:00"]
""")
    assert config.plan == PlanSettings()
    text = " ".join(config.problems)
    assert "plan.buffer_minutes" in text and "plan.colour" in text and "ends before it starts" in text
