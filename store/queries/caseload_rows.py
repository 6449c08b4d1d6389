"""Turning a page of caseload query results into rows. Shared by the full store and the quick
first-page reader (store.quick), so both say exactly the same thing; free of SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from store.queries.rows import CaseloadRow
from store.rules import days_left, first_offer_due, first_period_status, profile_for, profile_for_history, status_for


def _latest(*values: datetime | None) -> datetime | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def rule_counted(first_request: date | None, held_since_request: int, course_started: bool, today: date) -> int:
    """The two open-item kinds the profile decides (see store.queries.caseload_items), as the
    obligations model has them: first_period while the period runs and meetings are owed
    (store.obligations.first_period), offer until a course has started (store.obligations.offer)."""
    if first_request is None:
        return 0
    count = 0
    period = first_period_status(first_request, ())
    if (period is not None and first_request <= today <= period.period_end
            and held_since_request < period.required):
        count += 1
    if not course_started and first_offer_due(first_request, profile_for_history(first_request)) is not None:
        count += 1
    return count


def caseload_rows(
    page: Iterable[Sequence[Any]], flags: Mapping[int, Sequence[str]], today: date
) -> list[CaseloadRow]:
    """`page` rows are (id, cpr, name, next_due, last_contact, last_held, open items counted in
    SQL, planned, first_request, held days since it, a course started): caseload_stmt's."""
    profile = profile_for(today)
    rows = []
    for cid, cpr, name, next_due, contact, held, counted, planned, first_request, held_days, started in page:
        open_items = (counted or 0) + rule_counted(first_request, held_days or 0, bool(started), today)
        left = days_left(next_due, today) if next_due is not None else None
        status = status_for(next_due, today, profile) if next_due is not None else None
        last = _latest(contact, held)
        rows.append(CaseloadRow(
            citizen_id=cid, cpr=cpr, name=name, next_due=next_due, days_left=left, status=status,
            last_contact=last, days_since_contact=(today - last.date()).days if last else None,
            open_items=open_items, flags=tuple(flags.get(cid, ())), planned=planned,
        ))
    return rows
