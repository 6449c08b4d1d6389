"""Undo the newest recorded action: delete what it inserted, put back what it deleted (with
the same ids), and restore what it changed; then recompute the deadlines involved."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from store.commands.journal import decode
from store.db.base import Base
from store.db.models import UndoEntry
from store.db.session import writing
from store.derive import refresh_citizen, refresh_course

TABLES = {table.name: table for table in Base.metadata.sorted_tables}
ORDER = [table.name for table in Base.metadata.sorted_tables]  # parents before children


def _row(values: dict[str, Any]) -> dict[str, Any]:
    return {key: decode(value) for key, value in values.items()}


def _citizen_of(session: Session, table: str, values: dict[str, Any]) -> int | None:
    if table == "citizen":
        return values.get("id")
    if "citizen_id" in values:
        return values["citizen_id"]
    if table == "progress_report" and values.get("course_id"):
        t = TABLES["supplier_course"]
        return session.execute(select(t.c.citizen_id).where(t.c.id == values["course_id"])).scalar()
    return None


def undo_last(engine: Engine, *, caseworker: str | None = None) -> str | None:
    """Returns the label of the undone action, or None when there is nothing to undo."""
    with writing(engine) as session:
        cond = UndoEntry.caseworker.is_(None) if caseworker is None else UndoEntry.caseworker == caseworker
        entry = session.scalars(select(UndoEntry).where(cond).order_by(UndoEntry.id.desc()).limit(1)).first()
        if entry is None:
            return None
        changes: list[dict[str, Any]] = json.loads(entry.changes)
        citizens: set[int] = set()
        courses: set[int] = set()

        def note(table: str, values: dict[str, Any]) -> None:
            cid = _citizen_of(session, table, values)
            if cid is not None:
                citizens.add(cid)
            if table == "supplier_course":
                courses.add(values["id"])
            elif table == "progress_report" and values.get("course_id"):
                courses.add(values["course_id"])

        inserted = [c for c in changes if c["op"] == "insert"]
        for change in sorted(inserted, key=lambda c: ORDER.index(c["table"]), reverse=True):
            t = TABLES[change["table"]]
            current = session.execute(select(t).where(t.c.id == change["id"])).mappings().first()
            if current is not None:
                note(change["table"], dict(current))
                session.execute(delete(t).where(t.c.id == change["id"]))
        deleted = [c for c in changes if c["op"] == "delete"]
        for change in sorted(deleted, key=lambda c: ORDER.index(c["table"])):
            row = _row(change["row"])
            session.execute(insert(TABLES[change["table"]]).values(**row))
            note(change["table"], row)
        for change in reversed([c for c in changes if c["op"] == "update"]):
            t = TABLES[change["table"]]
            old = _row(change["old"])
            old.pop("version", None)
            session.execute(update(t).where(t.c.id == change["id"]).values(**old, version=t.c.version + 1))
            current = session.execute(select(t).where(t.c.id == change["id"])).mappings().first()
            if current is not None:
                note(change["table"], dict(current))
        label = entry.label
        session.delete(entry)
        session.flush()
        for course_id in sorted(courses):
            refresh_course(session, course_id)
        for citizen_id in sorted(citizens):
            refresh_citizen(session, citizen_id)
        return label
