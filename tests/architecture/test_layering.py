"""`store` is plain Python and SQLAlchemy: it must import, and work, without any UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_store_imports_without_textual_or_tui() -> None:
    code = (
        "import sys, importlib, pkgutil, store\n"
        "for m in pkgutil.walk_packages(store.__path__, 'store.'):\n"
        "    if '.migrations.' in m.name: continue\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'tui'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_store_module_mentions_the_ui() -> None:
    offenders = []
    for path in (ROOT / "store").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import textual", "from textual", "import tui", "from tui")):
                offenders.append(f"{path.relative_to(ROOT)}: {stripped}")
    assert offenders == []
