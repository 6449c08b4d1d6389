"""Which schema revisions this Sagsdag knows: the migrations' head and every earlier one.

Shared by store.db.schema (which migrates) and store.db.recognise (which judges a file before
it is opened), so neither needs the other.

Alembic is imported only when it is needed: to migrate, or to judge a revision that is not the
head. A database at head (every start of the program but the first after an update) is
recognised with store.quick.schema_head, which reads the head from the migration files with
the standard library; loading Alembic and its `ScriptDirectory` cost ~80 ms of the opening
worker's GIL on every start while a key waited (issue 15)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from typing import TYPE_CHECKING

from store.quick.schema_head import schema_head

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def known_revisions() -> tuple[str, frozenset[str]]:
    """The head and every known revision, read once (parsing the scripts is not free)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return script.get_current_head() or "", frozenset(rev.revision for rev in script.walk_revisions())


def head_revision() -> str:
    return schema_head() or known_revisions()[0]


def revision_state(revision: str) -> str:
    """"current", "older" (a migration brings it up) or "newer" (unknown: a newer Sagsdag)."""
    if revision == schema_head():  # None (no single head in the files) never matches
        return "current"
    head, known = known_revisions()
    if revision == head:
        return "current"
    return "older" if revision in known else "newer"
