"""Deleting a citizen for good: the right to erasure (GDPR art. 17).

Everything about the person goes in one transaction: the citizen row, every meeting, contact,
note, task, absence, certificate request, course and its reports, plan and its items, network
person, flag and hearing, and every undo or redo entry that mentions any of them (an undo
entry holds deleted rows, note text and the CPR number; erasure that left them would not be
erasure). For the same reason erasure itself is not undoable: it writes with plain SQL
statements, which the undo journal does not record.

`preview` says what would go (counts per kind), so the confirmation can name it. The caller
writes the access-log line (the citizen's uid, never the CPR) before executing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.db.base import Base, table_of
from store.db.models import Citizen, UndoEntry
from store.errors import NotFound

TABLES = {table.name: table for table in Base.metadata.sorted_tables}
# Rows that hang off a citizen's own rows rather than the citizen: (table, parent table, column).
GRANDCHILDREN = (("progress_report", "supplier_course", "course_id"), ("plan_item", "preparatory_plan", "plan_id"))


@dataclass(frozen=True)
class Erasure:
    """Who, and how many records of each kind (table name -> count, only kinds with any)."""

    citizen_id: int
    name: str
    cpr: str
    counts: tuple[tuple[str, int], ...]


def _children() -> list[Table]:
    """Tables with a citizen_id column, children before the tables they hang off."""
    ordered = [t for t in Base.metadata.sorted_tables if "citizen_id" in t.c and t.name != "undo_entry"]
    return list(reversed(ordered))


def _owned(session: Session, citizen_id: int, caseworker: str | None) -> Citizen:
    citizen = session.get(Citizen, citizen_id)
    # In team mode another caseworker's citizen is not there to delete.
    if citizen is None or (caseworker is not None and citizen.caseworker != caseworker):
        raise NotFound("citizen", citizen_id)
    return citizen


def _rows(session: Session, citizen_id: int) -> dict[str, list[int]]:
    """Every row id that belongs to the citizen, by table."""
    found: dict[str, list[int]] = {"citizen": [citizen_id]}
    for table in _children():
        found[table.name] = list(session.scalars(select(table.c.id).where(table.c.citizen_id == citizen_id)))
    for name, parent, column in GRANDCHILDREN:
        table = TABLES[name]
        parents = found.get(parent, [])
        found[name] = list(session.scalars(select(table.c.id).where(table.c[column].in_(parents)))) if parents else []
    return found


def preview(session: Session, *, citizen_id: int, caseworker: str | None = None) -> Erasure:
    citizen = _owned(session, citizen_id, caseworker)
    rows = _rows(session, citizen_id)
    counts = tuple((name, len(ids)) for name, ids in sorted(rows.items()) if name != "citizen" and ids)
    return Erasure(citizen_id, citizen.name, citizen.cpr, counts)


def _mentions(changes: list[dict[str, Any]], gone: set[tuple[str, int]], citizen_id: int) -> bool:
    for change in changes:
        if (change.get("table"), change.get("id")) in gone:
            return True
        if (change.get("row") or {}).get("citizen_id") == citizen_id:
            return True
    return False


def purge_undo(session: Session, rows: dict[str, list[int]], citizen_id: int) -> int:
    gone = {(name, i) for name, ids in rows.items() for i in ids}
    doomed = [entry_id for entry_id, text in session.execute(select(UndoEntry.id, UndoEntry.changes))
              if _mentions(json.loads(text), gone, citizen_id)]
    if doomed:
        session.execute(delete(UndoEntry).where(UndoEntry.id.in_(doomed)))
    return len(doomed)


@dataclass(frozen=True)
class DeleteCitizen(Command[Erasure]):
    """Erase a citizen and everything about them. Not undoable, by design (see the module)."""

    label: ClassVar[str] = "citizens.erase"
    citizen_id: int

    def apply(self, session: Session, ctx: Context) -> Erasure:
        found = preview(session, citizen_id=self.citizen_id, caseworker=ctx.caseworker)
        rows = _rows(session, self.citizen_id)
        purge_undo(session, rows, self.citizen_id)
        # Plain statements, grandchildren first: nothing relies on ON DELETE CASCADE being on,
        # and the undo journal (an ORM flush hook) records none of it.
        for name, _parent, _column in GRANDCHILDREN:
            if rows[name]:
                session.execute(delete(TABLES[name]).where(TABLES[name].c.id.in_(rows[name])))
        for table in _children():
            session.execute(delete(table).where(table.c.citizen_id == self.citizen_id))
        session.execute(delete(table_of(Citizen)).where(table_of(Citizen).c.id == self.citizen_id))
        session.expunge_all()
        return found


def find_by_cpr(session: Session, *, cpr: str, caseworker: str | None = None) -> int | None:
    """The citizen with this CPR number in the caseworker's caseload (any written form)."""
    from store.parse import ParseError, parse_cpr

    try:
        normal = parse_cpr(cpr).cpr
    except ParseError:
        return None
    stmt = select(Citizen.id).where(Citizen.cpr == normal)
    if caseworker is not None:
        stmt = stmt.where(Citizen.caseworker == caseworker)
    return session.scalar(stmt)
