"""The whole active caseload, worst (earliest next deadline) first, with the last contact, a
count of open items (the obligations the model lists for the citizen: caseload_items) and
today's standing flags.

Only the page is enriched: the ordered, limited citizen query is a subquery, and the
per-citizen counts are correlated subqueries on it, so SQLite evaluates them for the 50 rows
shown and never for the 50,000 behind them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any, Unpack

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, ContactEntry, Meeting
from store.obligations.build import next_planned
from store.queries.caseload_items import counted_in_sql, course_started, held_since_request
from store.queries.caseload_rows import caseload_rows
from store.queries.common import active_citizens, matching
from store.queries.deadlines import capped_count
from store.queries.flags import flags_by_citizen
from store.queries.prepared import built, citizens, citizens_param
from store.queries.rows import CaseloadRow


def _citizens(
    caseworker: str | None, search: str | None, citizen_ids: Collection[int] | None = None,
) -> Select[int, str, str, date | None, date]:
    stmt = select(Citizen.id, Citizen.cpr, Citizen.name, Citizen.next_due, Citizen.first_request)
    if citizen_ids is not None:  # only these citizens' rows, given at execution (store.queries.prepared)
        stmt = stmt.where(Citizen.id.in_(citizens_param()))
    return matching(active_citizens(stmt, caseworker), search)


def caseload_stmt(
    today: date, *, caseworker: str | None = None, search: str | None = None, limit: int | None = None, offset: int = 0,
    citizen_ids: Collection[int] | None = None,
) -> Select[Unpack[tuple[Any, ...]]]:
    """Rows (id, cpr, name, next_due, last_contact, last_held, open_items counted in SQL,
    planned, first_request, held days since it, a course started); caseload_rows finishes
    the count."""
    # NULLS LAST still walks the (status, next_due) index in SQLite >= 3.30: undated citizens
    # (not yet derived) come after every dated one without a sort of the whole caseload.
    ordered = _citizens(caseworker, search, citizen_ids).order_by(Citizen.next_due.nulls_last(), Citizen.name, Citizen.id).offset(offset)
    if limit is not None:
        ordered = ordered.limit(limit)
    page = ordered.subquery("page")
    cid = page.c.id
    last_contact = select(func.max(ContactEntry.at)).where(ContactEntry.citizen_id == cid).scalar_subquery()
    last_held = (
        select(func.max(Meeting.start)).where(Meeting.citizen_id == cid, Meeting.status == "held").scalar_subquery()
    )
    return select(
        cid, page.c.cpr, page.c.name, page.c.next_due,
        last_contact.label("last_contact"), last_held.label("last_held"),
        counted_in_sql(cid, page.c.next_due).label("open_items"), next_planned(cid, today).label("planned"),
        page.c.first_request, held_since_request(cid, page.c.first_request).label("held_since_request"),
        course_started(cid, today).label("course_started"),
    ).order_by(page.c.next_due.nulls_last(), page.c.name, cid)


def count_caseload_stmt(*, caseworker: str | None = None, search: str | None = None) -> Select[int]:
    return _citizens(caseworker, search).with_only_columns(func.count()).order_by(None)


def caseload(
    session: Session,
    today: date,
    *,
    caseworker: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    citizen_ids: Collection[int] | None = None,
) -> list[CaseloadRow]:
    def build() -> Select[Unpack[tuple[Any, ...]]]:
        return caseload_stmt(today, caseworker=caseworker, search=search, limit=limit, offset=offset,
                             citizen_ids=citizen_ids)

    # A few citizens' rows (after a save): the statement is built once for any citizens.
    stmt = built(("caseload", today, caseworker, limit, offset), build) if citizen_ids is not None and not search else build()
    page = session.execute(stmt, citizens(citizen_ids)).all()
    flags = flags_by_citizen(session, (r[0] for r in page), today)
    return caseload_rows(page, {cid: [f.text for f in found] for cid, found in flags.items()}, today)


def count_caseload(
    session: Session, *, caseworker: str | None = None, search: str | None = None, cap: int | None = None
) -> int:
    if cap is not None:
        return capped_count(session, _citizens(caseworker, search), cap)
    if search:
        return session.scalar(count_caseload_stmt(caseworker=caseworker, search=search)) or 0
    return session.scalar(built(("count_caseload", caseworker), lambda: count_caseload_stmt(caseworker=caseworker))) or 0
