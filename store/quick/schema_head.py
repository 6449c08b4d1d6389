"""The newest migration revision, read from the migration files without importing Alembic
(which costs ~80 ms): each file names its `revision` and `down_revision`; the head is the
one nobody names as their parent."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

VERSIONS = Path(__file__).resolve().parents[1] / "migrations" / "versions"
_FIELD = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*['\"]?([^'\"\s]+)['\"]?", re.M)


@cache
def schema_head() -> str | None:
    revisions, parents = set(), set()
    for path in VERSIONS.glob("*.py"):
        fields = dict(_FIELD.findall(path.read_text(encoding="utf-8")))
        if "revision" in fields:
            revisions.add(fields["revision"])
            if fields.get("down_revision") not in (None, "None"):
                parents.add(fields["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
