"""The README's pictures are the reviewed SVG snapshots of the test suite, copied here so the
README shows exactly what the tests check. Run after `pytest --snapshot-update`:

    python docs/pictures.py

tests/tui/test_readme_pictures.py fails while a copy differs from its snapshot."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "tests" / "tui" / "__snapshots__" / "test_snapshots"
PICTURES = {
    "main-screen.svg": "test_main_screen[160x48].svg",
    "citizen-screen.svg": "test_view[citizen--160x48].svg",
}


def pairs() -> list[tuple[Path, Path]]:
    return [(SNAPSHOTS / snapshot, ROOT / "docs" / "pictures" / name) for name, snapshot in PICTURES.items()]


def main() -> int:
    for source, target in pairs():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        print(f"{source.name} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
