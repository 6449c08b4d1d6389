"""Domain checks shared by the write commands. They raise Invalid naming the form field."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar, cast

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from store.db.base import Base, Tracked
from store.errors import Conflict, Invalid, NotFound

M = TypeVar("M", bound=Base)


def one_of(field: str, value: str, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise Invalid(field, f"{value!r} is not one of {', '.join(allowed)}", "value.not_allowed",
                      value=value, allowed=", ".join(allowed))
    return value


def text(field: str, value: str | None, *, required: bool = False, limit: int = 1_000_000) -> str | None:
    """Text is stored exactly as typed; only emptiness and absurd size are refused."""
    if value is None or value == "":
        if required:
            raise Invalid(field, f"{field} is required", "value.required")
        return None if value is None else ("" if not required else value)
    if len(value) > limit:
        raise Invalid(field, f"{field} is longer than {limit} characters", "value.too_long", limit=limit)
    if required and not value.strip():
        raise Invalid(field, f"{field} is required", "value.required")
    return value


def not_after(field: str, value: date, limit: date) -> date:
    if value > limit:
        raise Invalid(field, f"{value.isoformat()} is in the future", "date.in_future", date=value.isoformat())
    return value


def in_range(field: str, value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise Invalid(field, f"{value} is outside {low}-{high}", "number.out_of_range", value=value, low=low, high=high)
    return value


def fetch(session: Session, model: type[M], ident: int, expected_version: int | None = None) -> M:
    """The row to change. With `expected_version` (the version the user's form was opened
    on) a row somebody else saved since raises Conflict carrying the stored values; on
    PostgreSQL write transactions are serialised (store.db.engine), so the check cannot race."""
    row = session.get(model, ident)
    if row is None:
        raise NotFound(model.__tablename__, ident)
    version = cast(Tracked, row).version
    if expected_version is not None and version != expected_version:
        raise Conflict(model.__tablename__, ident, theirs=values(row), expected=expected_version, found=version)
    return row


def values(row: Base) -> dict[str, object]:
    """A row's stored columns by attribute name."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


def bump(row: Tracked) -> None:
    row.version = (row.version or 0) + 1
