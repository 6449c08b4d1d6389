"""store.rules is plain Python: importing it pulls in no UI, no database and (until a closed
day is asked about) not even the slow `holidays` package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_is_light() -> None:
    code = (
        "import sys, store.rules\n"
        "heavy = sorted({n.split('.')[0] for n in sys.modules} & {'textual', 'tui', 'sqlalchemy', 'holidays'})\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
