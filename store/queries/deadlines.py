"""Next-meeting deadlines of the active caseload, worst (earliest) first."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import Exists, Select, exists, func, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.db.statements import AnySelect
from store.obligations.build import next_planned
from store.queries.common import active_citizens, judge, matching
from store.queries.prepared import built, citizens, citizens_param
from store.queries.rows import DeadlineRow


def booked_in_time(today: date) -> Exists:
    """A planned meeting from today up to the deadline: the deadline will be met if it is held."""
    return exists().where(
        Meeting.citizen_id == Citizen.id, Meeting.status == "planned", Meeting.day >= today,
        Meeting.day <= Citizen.next_due,
    )


def _base(caseworker: str | None, search: str | None, unbooked_on: date | None = None) -> Select[Citizen]:
    """`unbooked_on`: only deadlines with no meeting booked in time (as of that day)."""
    stmt = select(Citizen).where(Citizen.next_due.is_not(None))
    if unbooked_on is not None:
        stmt = stmt.where(~booked_in_time(unbooked_on))
    return matching(active_citizens(stmt, caseworker), search)


def meeting_deadlines(
    session: Session,
    today: date,
    *,
    caseworker: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    due_before: date | None = None,
    unbooked: bool = False,
    citizen_ids: Collection[int] | None = None,
) -> list[DeadlineRow]:
    def build() -> AnySelect:
        stmt = _base(caseworker, search, today if unbooked else None)
        if citizen_ids is not None:  # only these citizens' rows, given at execution (store.queries.prepared)
            stmt = stmt.where(Citizen.id.in_(citizens_param()))
        if due_before is not None:
            stmt = stmt.where(Citizen.next_due <= due_before)
        page = stmt.add_columns(next_planned(Citizen.id, today))
        page = page.order_by(Citizen.next_due, Citizen.name, Citizen.id).offset(offset)
        return page if limit is None else page.limit(limit)

    # A few citizens' rows (after a save): the statement is built once for any citizens.
    prepared = citizen_ids is not None and not search
    page = built(("deadlines", today, caseworker, limit, offset, due_before, unbooked), build) if prepared else build()
    rows = []
    for c, planned in session.execute(page, citizens(citizen_ids)):
        left, status = judge(c.next_due, today)
        rows.append(
            DeadlineRow(
                citizen_id=c.id, cpr=c.cpr, name=c.name, due=c.next_due, days_left=left,
                status=status, reason=c.due_reason or "", base=c.due_base, raw_due=c.due_raw,
                paused_days=c.due_paused_days, interval=c.interval, planned=planned,
            )
        )
    return rows


def count_deadlines(
    session: Session, *, caseworker: str | None = None, search: str | None = None, cap: int | None = None,
    unbooked_on: date | None = None,
) -> int:
    """`cap`: stop counting there ("1000+"); a substring search cannot use an index, and an
    exact count of 50,000 names would cost more than the page it titles."""
    if search or cap is not None:
        return capped_count(session, _base(caseworker, search, unbooked_on), cap)
    stmt = built(("count_deadlines", caseworker, unbooked_on),
                 lambda: _base(caseworker, None, unbooked_on).with_only_columns(func.count()).order_by(None))
    return session.scalar(stmt) or 0


def capped_count(session: Session, stmt: AnySelect, cap: int | None) -> int:
    if cap is None:
        return session.scalar(stmt.with_only_columns(func.count()).order_by(None)) or 0
    inner = stmt.with_only_columns(Citizen.id).order_by(None).limit(cap).subquery()
    return session.scalar(select(func.count()).select_from(inner)) or 0
