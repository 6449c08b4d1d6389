"""Whose row is it: the citizen a row belongs to. Most rows name their citizen; a progress
report, a plan item and a hearing's contact attempt name only their parent. One table of those
parents serves the change set (whose screen reloads) and undo (whose action it was)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.base import Base

# Tables whose rows name no citizen themselves: table -> (parent table, the column naming it).
PARENT_OF: dict[str, tuple[str, str]] = {
    "progress_report": ("supplier_course", "course_id"),
    "plan_item": ("preparatory_plan", "plan_id"),
    "hearing_contact": ("hearing", "hearing_id"),
}


def parent_citizen(session: Session, parent_table: str, parent_id: int) -> int | None:
    table = Base.metadata.tables[parent_table]
    citizen_id: int | None = session.execute(select(table.c.citizen_id).where(table.c.id == parent_id)).scalar()
    return citizen_id


def citizen_of(session: Session, table: str, values: dict[str, Any]) -> int | None:
    """`values`: the row's columns by name (a decoded undo row, or an object's attributes)."""
    if table == "citizen":
        ident: int | None = values.get("id")
        return ident
    if values.get("citizen_id"):
        citizen_id: int = values["citizen_id"]
        return citizen_id
    parent = PARENT_OF.get(table)
    if parent is not None and values.get(parent[1]):
        return parent_citizen(session, parent[0], values[parent[1]])
    return None
