"""Database -> portable JSON text. The same database always gives the same bytes."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, Select, select
from sqlalchemy.orm import Session

from store.db.session import reading
from store.portable.spec import CITIZEN, FORMAT, SUPPLIER, TASK, VERSION, Entity, Field, children


def export_json(engine: Engine, *, caseworker: str | None = None) -> str:
    """Every entity; with `caseworker`, only that caseworker's citizens (team mode)."""
    with reading(engine) as session:
        document = build_document(session, caseworker=caseworker)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def exported_with() -> str:
    """Which program wrote the file: for diagnosis only, never read back."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"sagsdag {version('sagsdag')}"
    except PackageNotFoundError:
        return "sagsdag (not installed)"


class _Tables:
    """Every table read once, grouped by parent id in the format's order: a handful of
    queries for the whole caseload instead of one per citizen per list."""

    def __init__(self, session: Session) -> None:
        self.rows: dict[str, dict[Any, list[Any]]] = {}
        for entity in children(CITIZEN):
            model = entity.model
            parent = getattr(model, entity.parent or "id")
            stmt: Select[tuple[Any]] = select(model).order_by(parent, *(getattr(model, name) for name in entity.order))
            grouped: dict[Any, list[Any]] = defaultdict(list)
            for row in session.scalars(stmt):
                grouped[getattr(row, entity.parent or "id")].append(row)
            self.rows[entity.name] = grouped
        # Supplier names compare by code point here rather than by the database's collation,
        # which differs between SQLite and PostgreSQL: the order must not depend on the server.
        self.suppliers: list[Any] = sorted(session.scalars(select(SUPPLIER.model)), key=lambda s: (s.name, s.id))
        self.supplier_names: dict[int, str] = {s.id: s.name for s in self.suppliers}
        self.position: dict[str, dict[int, tuple[int, int]]] = {}  # target -> id -> (owner, index)
        for target, entity_name in (("courses", "course"), ("meetings", "meeting"), ("contacts", "contact"),
                                    ("hearings", "hearing")):
            self.position[target] = {
                row.id: (owner, index)
                for owner, rows in self.rows[entity_name].items()
                for index, row in enumerate(rows)
            }

    def listed(self, entity: Entity, parent_id: Any) -> list[Any]:
        return self.rows[entity.name].get(parent_id, [])


def build_document(session: Session, *, caseworker: str | None = None) -> dict[str, Any]:
    tables = _Tables(session)
    stmt: Select[tuple[Any]] = select(CITIZEN.model)
    if caseworker is not None:
        stmt = stmt.where(CITIZEN.model.caseworker == caseworker)
    # Sorted here for the same reason as suppliers: PostgreSQL's collation may skip the hyphen.
    citizens = sorted(session.scalars(stmt), key=lambda c: (c.cpr, c.id))
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_with": exported_with(),
        "citizens": [_record(row, CITIZEN, tables, row.id) for row in citizens],
        "suppliers": [_record(row, SUPPLIER, tables, None) for row in tables.suppliers],
        "tasks": [_record(row, TASK, tables, None) for row in tables.listed(TASK, None)],
    }


def _record(row: Any, entity: Entity, tables: _Tables, citizen_id: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in entity.fields:
        if field.kind == "list":
            assert field.item is not None
            out[field.key] = [_record(child, field.item, tables, citizen_id) for child in tables.listed(field.item, row.id)]
        elif field.kind == "ref":
            out[field.key] = _reference(field, getattr(row, field.attr), tables, citizen_id)
        else:
            out[field.key] = _value(getattr(row, field.attr))
    return out


def _reference(field: Field, ident: int | None, tables: _Tables, citizen_id: int | None) -> int | str | None:
    if ident is None:
        return None
    if field.target == "suppliers":
        return tables.supplier_names[ident]
    owner, index = tables.position[field.target or ""].get(ident, (None, None))
    # A link to another citizen's meeting or course cannot be written as an index into this
    # citizen's list; the database's own rules never create one, so it is dropped, not guessed.
    return index if owner == citizen_id else None


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
