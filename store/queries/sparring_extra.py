"""Case sparring beyond "no movement": citizens behind on the first period's meetings, and
when each case was last discussed at sparring."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting, SparringNote
from store.queries.common import active_citizens
from store.queries.screen_rows import SparringRow
from store.rules import first_period_status, profile_for


def first_period_debts(session: Session, today: date, *, caseworker: str | None = None) -> dict[int, tuple[str, str, int]]:
    """citizen id -> (cpr, name, days left of the period, negative once it has ended) for
    citizens still owing first-period meetings at a pace of less than a month per meeting, or
    whose period ended owing (within the last month, so an old debt does not stay forever)."""
    months = profile_for(today).first_period_months
    since = today - relativedelta(months=months + 1)
    stmt = active_citizens(select(Citizen.id, Citizen.cpr, Citizen.name, Citizen.first_request)
                           .where(Citizen.first_request > since, Citizen.first_request <= today), caseworker)
    citizens = session.execute(stmt).all()
    if not citizens:
        return {}
    held: dict[int, list[date]] = defaultdict(list)
    ids = [c[0] for c in citizens]
    for cid, day in session.execute(select(Meeting.citizen_id, Meeting.day)
                                    .where(Meeting.citizen_id.in_(ids), Meeting.status == "held")):
        held[cid].append(day)
    out = {}
    for cid, cpr, name, first in citizens:
        period = first_period_status(first, held[cid])
        if period is None or period.owed <= 0:
            continue
        left = (period.period_end - today).days
        if left < 0 or period.owed * 30 > left:
            out[cid] = (cpr, name, left)
    return out


def add_debts(session: Session, rows: dict[int, SparringRow], debts: dict[int, tuple[str, str, int]]) -> dict[int, SparringRow]:
    out = dict(rows)
    for cid, (cpr, name, left) in debts.items():
        old = out.get(cid)
        if old is None:
            out[cid] = SparringRow(cid, cpr, name, ("first_period",), None, None, (("first_period", left),))
        else:
            out[cid] = SparringRow(cid, cpr, name, (*old.reasons, "first_period"), old.days_since_meeting,
                                   old.days_since_contact, (*old.days, ("first_period", left)))
    return out


def last_discussed(session: Session, citizen_ids: list[int]) -> dict[int, date]:
    if not citizen_ids:
        return {}
    found: dict[int, date] = {}
    for start in range(0, len(citizen_ids), 500):
        chunk = citizen_ids[start:start + 500]
        stmt = (select(SparringNote.citizen_id, func.max(SparringNote.on))
                .where(SparringNote.citizen_id.in_(chunk)).group_by(SparringNote.citizen_id))
        found.update(dict(session.execute(stmt).all()))
    return found
