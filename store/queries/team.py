"""Whose caseloads a database holds: a database with more than one caseworker's citizens is a
team database, and nothing may show all of them at once by accident."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.models import Citizen


def caseworkers(session: Session, *, limit: int = 4) -> list[str]:
    """Up to `limit` distinct caseworkers who own citizens, sorted; cheap on the caseworker index."""
    stmt = (select(Citizen.caseworker).where(Citizen.caseworker.is_not(None))
            .distinct().order_by(Citizen.caseworker).limit(limit))
    return list(session.scalars(stmt))
