"""Standing flags ("meet at home", "no letters") that apply on a given day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from store.db.models import CitizenFlag


def valid_on(day: date) -> ColumnElement[bool]:
    # Open-ended on either side: a flag without dates is standing until someone ends it.
    return and_(
        or_(CitizenFlag.starts.is_(None), CitizenFlag.starts <= day),
        or_(CitizenFlag.ends.is_(None), CitizenFlag.ends >= day),
    )


def flags_stmt(citizen_ids: Iterable[int], day: date) -> Select[CitizenFlag]:
    return (
        select(CitizenFlag)
        .where(CitizenFlag.citizen_id.in_(list(citizen_ids)), valid_on(day))
        .order_by(CitizenFlag.citizen_id, CitizenFlag.id)
    )


def flags_by_citizen(session: Session, citizen_ids: Iterable[int], day: date) -> dict[int, list[CitizenFlag]]:
    grouped: dict[int, list[CitizenFlag]] = defaultdict(list)
    ids = list(citizen_ids)
    if ids:
        for flag in session.scalars(flags_stmt(ids, day)):
            grouped[flag.citizen_id].append(flag)
    return grouped
