"""Pane search that reaches beyond the citizen: "name or CPR, or this other column"."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.orm import QueryableAttribute, Session

from store.db.models import Citizen
from store.queries.common import matching


def citizen_or(search: str | None, *columns: QueryableAttribute[str]) -> ColumnElement[bool]:
    """A WHERE clause matching the citizen (exactly as `matching` does) or any of `columns`.

    `matching` only adds a WHERE to a statement; it is reused on an empty select so the CPR
    rules live in one place, and its clause is OR-ed with the extra columns here."""
    if not search or not search.strip():
        return true()
    citizen = matching(select(), search).whereclause
    text = search.strip()
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    extra = [column.ilike(f"%{escaped}%", escape="\\") for column in columns]
    return or_(citizen, *extra) if citizen is not None else or_(*extra)


def matching_citizens(session: Session, search: str, *, caseworker: str | None = None) -> frozenset[int]:
    """The citizens a pane filter matches, by the rule of `matching` (any part of the name, or
    CPR from its start), for a pane whose rows are worked out in Python (the Today pane): it
    reads only these citizens' obligations, where it read the whole day's and filtered them."""
    stmt = select(Citizen.id)
    if caseworker is not None:
        stmt = stmt.where(Citizen.caseworker == caseworker)
    return frozenset(session.scalars(matching(stmt, search)))
