"""Turning a page of caseload query results into rows. Shared by the full store and the quick
first-page reader (store.quick), so both say exactly the same thing; free of SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from store.queries.rows import CaseloadRow
from store.rules import days_left, profile_for, status_for


def _latest(*values: datetime | None) -> datetime | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def caseload_rows(
    page: Iterable[Sequence[Any]], flags: Mapping[int, Sequence[str]], today: date
) -> list[CaseloadRow]:
    """`page` rows are (id, cpr, name, next_due, last_contact, last_held, open_items, planned)."""
    profile = profile_for(today)
    rows = []
    for cid, cpr, name, next_due, contact, held, open_items, planned in page:
        left = days_left(next_due, today) if next_due is not None else None
        status = status_for(next_due, today, profile) if next_due is not None else None
        last = _latest(contact, held)
        rows.append(CaseloadRow(
            citizen_id=cid, cpr=cpr, name=name, next_due=next_due, days_left=left, status=status,
            last_contact=last, days_since_contact=(today - last.date()).days if last else None,
            open_items=open_items or 0, flags=tuple(flags.get(cid, ())), planned=planned,
        ))
    return rows
