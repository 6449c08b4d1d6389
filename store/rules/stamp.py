"""A fingerprint of the rule data. Stored deadlines carry the stamp they were computed with;
a different stamp at start means the rules changed and every deadline is recomputed.

Kept free of SQLAlchemy so the quick first-page reader can check it before the full store
has loaded."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent
STAMP_KEY = "rules_stamp"


@cache
def rules_stamp() -> str:
    """The rule files and the derive logic's version (bump the salt when derive.py changes
    how a stored deadline is computed)."""
    digest = hashlib.sha1(b"derive-v1")
    for path in sorted(RULES_DIR.rglob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
