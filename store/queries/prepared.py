"""Statements built once and run again with other citizens: the reads a save makes.

After a save the panes read again only the changed citizens' rows (one citizen's part of the
day, their caseload row and deadline): some twenty statements, each a few rows. Building a
statement (SQLAlchemy's operators, coercions, cache key) cost more than running it: about 8 of
the 11 ms the reads took at 50 citizens. A statement that names the citizens by an expanding
parameter is the same statement for every citizen, so it is built once per shape (the day, the
caseload, the rest of what shapes it) and run with the citizens as a parameter. SQLAlchemy
still compiles it once and keeps it (its compiled cache), binds the values and converts the
results, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Hashable
from typing import Any, TypeVar

from sqlalchemy import BindParameter, bindparam

S = TypeVar("S")

CITIZENS = "prepared_citizens"
_LIMIT = 512  # shapes kept (a new day or caseworker makes new ones): a bound, not a working set

_built: dict[Hashable, Any] = {}
_lock = threading.Lock()


def citizens_param() -> BindParameter[Any]:
    """The citizens a prepared statement is run for: `Citizen.id.in_(citizens_param())`."""
    return bindparam(CITIZENS, expanding=True)


def citizens(ids: Collection[int] | None) -> dict[str, object]:
    """The execution parameters for `citizens_param()` (none when no citizens are named)."""
    return {} if ids is None else {CITIZENS: sorted(ids)}


def built(key: Hashable, build: Callable[[], S]) -> S:
    """The statement `build()` makes for this key, made the first time only. The key must name
    everything the statement depends on except the citizens (given at execution)."""
    stmt = _built.get(key)
    if stmt is None:
        stmt = build()
        with _lock:
            if len(_built) >= _LIMIT:
                _built.clear()
            _built[key] = stmt
    return stmt


def forget() -> None:
    """Tests: build every statement afresh."""
    with _lock:
        _built.clear()
