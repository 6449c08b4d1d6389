"""Rows waiting to be written, with ids assigned up front.

Ids are chosen here rather than by the database so children can point at parents before
anything is written, and so bulk inserts never need RETURNING (the slow path in SQLite)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from store.db.base import table_of
from store.db.models import (
    Absence, CaseNote, Citizen, CitizenFlag, ContactEntry, DoctorRequest, Hearing, Meeting,
    NetworkPerson, PlanItem, PreparatoryPlan, ProgressReport, Supplier, SupplierCourse, Task,
)
from store.demo.writer import write

# Parents before children: foreign keys are checked row by row as they are inserted.
ORDER = (
    Citizen, Supplier, CitizenFlag, SupplierCourse, ProgressReport, Meeting, Hearing,
    ContactEntry, CaseNote, Absence, DoctorRequest, PreparatoryPlan, PlanItem, NetworkPerson, Task,
)

# NOT NULL columns whose ORM default would not run in a Core insert with every key given.
_FILLED = {
    "version": 1, "due_paused_days": 0, "prepared": False, "absence_accepted": False,
    "reminders": 0, "done": False, "position": 0,
}


class Rows:
    def __init__(self, conn: Connection, stamp: datetime) -> None:
        self.constants = {"created_at": stamp, "updated_at": stamp}
        # executemany needs the same keys in every dict, so each row starts from a full template.
        # The stamp replaces utcnow(): the same seed and day must give the same bytes.
        self.template: dict[type, dict[str, Any]] = {}
        self.next_id: dict[type, int] = {}
        self.pending: dict[type, list[dict[str, Any]]] = {model: [] for model in ORDER}
        self.written: Counter[type] = Counter()
        for model in ORDER:
            columns = model.__table__.columns
            row: dict[str, Any] = {c.name: _FILLED.get(c.name) for c in columns}
            # Shared by every row, so the writer sends them once per statement.
            del row["created_at"], row["updated_at"]
            self.template[model] = row
            # Continue after existing rows so a non-empty database never gets a clash.
            self.next_id[model] = (conn.scalar(select(func.max(model.__table__.c.id))) or 0) + 1
        self.first_id = dict(self.next_id)

    def add(self, model: type, **values: Any) -> int:
        row_id = self.next_id[model]
        self.next_id[model] = row_id + 1
        row = dict(self.template[model])
        row.update(values)
        if len(row) != len(self.template[model]):
            # Every row must have the template's keys in its order: the writer relies on it.
            raise KeyError(f"unknown column for {model.__name__}: {sorted(set(row) - set(self.template[model]))}")
        row["id"] = row_id
        self.pending[model].append(row)
        return row_id

    def flush(self, conn: Connection) -> None:
        for model in ORDER:
            rows = self.pending[model]
            if rows:
                write(conn, table_of(model), rows, self.constants)
                self.written[model] += len(rows)
                rows.clear()
