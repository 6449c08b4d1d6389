"""Records, during one write session, every row inserted, changed or deleted, so the whole
action can be undone later, deletions included. Hooked on the ORM flush, so a new command
needs no undo code of its own."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from store.commands.owners import PARENT_OF
from store.db.base import Base, Tracked

SKIP_TABLES = {"undo_entry", "meta"}


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return date.fromisoformat(value["$d"])
    return value


def _columns(obj: Base) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.key: _encode(getattr(obj, attr.key)) for attr in mapper.column_attrs}



class Journal:
    """Attach to a session; `changes` lists what happened, in order."""

    def __init__(self, session: Session) -> None:
        self.changes: list[dict[str, Any]] = []
        self.citizens: set[int] = set()
        self.courses: set[int] = set()
        # Rows that belong to a citizen through a parent (a report through its course): the
        # parent is looked up after the flush, so the change set names the citizen too.
        self.parents: set[tuple[str, int]] = set()
        self.kinds: set[str] = set()  # table names touched, for the change set
        self._new: list[Base] = []
        self.session = session
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "after_flush", self._after_flush)

    def detach(self) -> None:
        event.remove(self.session, "before_flush", self._before_flush)
        event.remove(self.session, "after_flush", self._after_flush)

    def _touch(self, obj: Base) -> None:
        """Remember whose derived deadlines the change can move."""
        table = obj.__tablename__
        self.kinds.add(table)
        ident = cast(Tracked, obj).id
        citizen_id: int | None = getattr(obj, "citizen_id", None)
        course_id: int | None = getattr(obj, "course_id", None)
        if table == "citizen":
            self.citizens.add(ident)
        elif citizen_id is not None:
            self.citizens.add(citizen_id)
        if table == "supplier_course":
            self.courses.add(ident)
        elif table == "progress_report" and course_id is not None:
            self.courses.add(course_id)
        parent = PARENT_OF.get(table)
        if parent is not None:
            parent_id: int | None = getattr(obj, parent[1], None)
            if parent_id is not None:
                self.parents.add((parent[0], parent_id))

    def _before_flush(self, session: Session, _ctx: object, _instances: object) -> None:
        for obj in session.dirty:
            if obj.__tablename__ in SKIP_TABLES or not session.is_modified(obj):
                continue
            self._touch(obj)
            state = inspect(obj)
            old: dict[str, Any] = {}
            for attr in state.mapper.column_attrs:
                history = state.attrs[attr.key].history
                if history.has_changes() and history.deleted:
                    old[attr.key] = _encode(history.deleted[0])
            if old:
                self.changes.append({"op": "update", "table": obj.__tablename__, "id": cast(Tracked, obj).id, "old": old})
        for obj in session.deleted:
            if obj.__tablename__ not in SKIP_TABLES:
                self._touch(obj)
                self.changes.append({"op": "delete", "table": obj.__tablename__, "id": cast(Tracked, obj).id, "row": _columns(obj)})
        self._new = [obj for obj in session.new if obj.__tablename__ not in SKIP_TABLES]

    def _after_flush(self, _session: Session, _ctx: object) -> None:
        for obj in self._new:
            self._touch(obj)
            self.changes.append({"op": "insert", "table": obj.__tablename__, "id": cast(Tracked, obj).id})
        self._new = []

    def dumps(self) -> str:
        return json.dumps(self.changes, ensure_ascii=False)
