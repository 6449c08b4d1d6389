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


def holidays_version() -> str:
    """The installed `holidays` package's version, read from its metadata (importing the
    package itself is slow). A new version can add or move a public holiday, so it is part of
    the stamp and a change recomputes every stored deadline."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:  # pragma: no cover - a dependency of the package
        return "missing"


@cache
def rules_stamp() -> str:
    """The rule files, the `holidays` version and the derive logic's version (bump the salt
    when derive.py changes how a stored deadline is computed)."""
    # v2: the next meeting keeps the first period's pace; three-party deadlines use the
    # profile's default interval and held three-party meetings linked to the course.
    digest = hashlib.sha1(b"derive-v2")
    digest.update(b"holidays=" + holidays_version().encode())
    for path in sorted(RULES_DIR.rglob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
