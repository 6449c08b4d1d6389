"""The access log's anchor in the database: which database this is, and how far the log went.

The log is a file; anyone who can write it can cut off its tail, delete it or rebuild the whole
chain so that it verifies. The database remembers the number and hash of the newest line it
wrote (`meta` rows, so every backup carries them too); a log that no longer has that line, or
has another one there, is reported by `sagsdag check`.

The database id is random and made once: it names the database in every log line without
putting a path (which may hold a CPR number or a user name) or a server password there."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from store.db.models import Meta
from store.db.session import reading, writing

ID_KEY = "database_id"
LINES_KEY = "access_log_lines"
HEAD_KEY = "access_log_head"


@dataclass(frozen=True)
class Anchor:
    lines: int
    head: str


def _get(session: Session, key: str) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def database_id(engine: Engine, *, create: bool = True) -> str | None:
    """The database's random id; made on first use unless `create` is False (read-only)."""
    with reading(engine) as session:
        found = _get(session, ID_KEY)
    if found is not None or not create:
        return found
    with writing(engine) as session:
        found = _get(session, ID_KEY)
        if found is None:
            found = uuid.uuid4().hex[:16]
            _set(session, ID_KEY, found)
        return found


def read_anchor(engine: Engine) -> Anchor | None:
    with reading(engine) as session:
        lines, head = _get(session, LINES_KEY), _get(session, HEAD_KEY)
    if lines is None or head is None:
        return None
    return Anchor(int(lines), head)


def write_anchor(engine: Engine, lines: int, head: str) -> None:
    """Moves the anchor forward only: two windows logging at once never move it back."""
    with writing(engine) as session:
        current = _get(session, LINES_KEY)
        if current is not None and int(current) >= lines:
            return
        _set(session, LINES_KEY, str(lines))
        _set(session, HEAD_KEY, head)
