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
    the stamp and a change recomputes every stored deadline.

    The metadata file is read directly where the package was installed: `importlib.metadata`
    imports the email package to parse it, ~13 ms before the first frame (issue 15). Anything
    unusual (no such file, or several) is left to `importlib.metadata`."""
    found = _version_beside_package("holidays")
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:  # pragma: no cover - a dependency of the package
        return "missing"


def _version_beside_package(name: str) -> str | None:
    from importlib.util import find_spec

    try:
        spec = find_spec(name)  # finds the package without importing it
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))).parent
    found = list(folder.glob(f"{name}-*.dist-info/METADATA"))
    if len(found) != 1:
        return None
    try:
        with found[0].open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip()
                if not line.strip():
                    break  # the headers end at the first empty line
    except OSError:
        return None
    return None


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
