"""Pieces every query shares: the active-caseload filter and today's status of a due date."""

from __future__ import annotations

from datetime import date
from typing import TypeVarTuple, Unpack

from sqlalchemy import Select, or_

from store.db.models import Citizen
from store.fold import fold
from store.rules import Status, days_left, profile_for, status_for


# The row type of a statement: a filter keeps the columns it was given.
_Row = TypeVarTuple("_Row")


def active_citizens(stmt: Select[Unpack[_Row]], caseworker: str | None) -> Select[Unpack[_Row]]:
    stmt = stmt.where(Citizen.status == "active")
    if caseworker is not None:
        stmt = stmt.where(Citizen.caseworker == caseworker)
    return stmt


def matching(stmt: Select[Unpack[_Row]], search: str | None) -> Select[Unpack[_Row]]:
    """Name (any part, regardless of case and accents: store.fold) or CPR digits. Bound
    parameters only."""
    if not search:
        return stmt
    text = search.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    clauses = [Citizen.name_folded.like(f"%{_escape_like(fold(text))}%", escape="\\")]
    if digits and len(digits) == len(text.replace("-", "").replace(" ", "")):
        clauses.append(Citizen.cpr.like(f"{digits[:6]}%" if len(digits) >= 6 else f"{digits}%"))
        if len(digits) > 6:
            clauses.append(Citizen.cpr.like(f"{digits[:6]}-{digits[6:]}%"))
    return stmt.where(or_(*clauses))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def judge(due: date, today: date) -> tuple[int, Status]:
    return days_left(due, today), status_for(due, today, profile_for(today))
