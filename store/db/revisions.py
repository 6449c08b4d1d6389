"""Which schema revisions this Sagsdag knows: the migrations' head and every earlier one.

Shared by store.db.schema (which migrates) and store.db.recognise (which judges a file before
it is opened), so neither needs the other."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def known_revisions() -> tuple[str, frozenset[str]]:
    """The head and every known revision, read once (parsing the scripts is not free)."""
    script = ScriptDirectory.from_config(alembic_config())
    return script.get_current_head() or "", frozenset(rev.revision for rev in script.walk_revisions())


def head_revision() -> str:
    return known_revisions()[0]


def revision_state(revision: str) -> str:
    """"current", "older" (a migration brings it up) or "newer" (unknown: a newer Sagsdag)."""
    head, known = known_revisions()
    if revision == head:
        return "current"
    return "older" if revision in known else "newer"
