"""The README shows the main screen and the citizen screen right after its two commands, and
the pictures are the current reviewed snapshots (`python docs/pictures.py` copies them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pictures():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("pictures", ROOT / "docs" / "pictures.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_pictures_are_the_current_snapshots() -> None:
    for source, target in _pictures().pairs():
        assert target.is_file() and target.read_bytes() == source.read_bytes(), (
            f"{target.name} is out of date: run python docs/pictures.py")


def test_the_readme_shows_them_right_after_its_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    second_command = readme.index("python -m pytest")
    first_heading = readme.index("\n## ")
    for name in ("docs/pictures/main-screen.svg", "docs/pictures/citizen-screen.svg"):
        assert second_command < readme.index(f"]({name})") < first_heading
