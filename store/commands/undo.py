"""Undo and redo: take back the newest action of *this* caseworker in *this* window, or do an
undone one again.

Whose undo it is. An undo entry is owned by the caseworker and the window (program instance)
that made it: `u` in one window never takes back what another window, or a colleague, did.
That is what a person means by undo: "what I just did here".

An entry lists the row changes of one action (see journal.py). Undoing it deletes what the
action inserted, puts back what it deleted (same ids), and restores what it changed; then the
deadlines involved are recomputed. The undo itself is journaled the other way round and kept as
a "redo" entry, so redo is the same operation applied to that entry.

Undo refuses rather than destroys:
- a row the action wrote was changed since (by a colleague or another window): `Conflict`,
  with both versions, as an edit conflict is shown; `force=True` undoes anyway;
- a row the action created has since got records of its own that the action did not make
  (a colleague's note on a citizen you created): `UndoRefused`, never a cascade."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store.commands.journal import _encode, decode
from store.commands.owners import citizen_of
from store.db.base import Base
from store.db.models import Citizen, UndoEntry
from store.db.session import reading, writing
from store.derive import refresh_citizen, refresh_course
from store.errors import Conflict, StoreError

TABLES = {table.name: table for table in Base.metadata.sorted_tables}
ORDER = [table.name for table in Base.metadata.sorted_tables]  # parents before children
# Columns the program recomputes by itself; a change there is not somebody's edit.
DERIVED = {
    "citizen": {"next_due", "due_base", "due_reason", "due_raw", "due_paused_days", "rules_stamp", "name_folded"},
    "supplier_course": {"next_report_due", "next_three_party_due"},
}
BOOKKEEPING = {"updated_at", "version", "created_at"}


class UndoRefused(StoreError):
    """Undo would delete records the undone action did not make."""

    code = "undo.refused_cascade"

    def __init__(self, kind: str, count: int) -> None:
        super().__init__(
            f"Undo would also delete {count} later record(s) of this {kind} that the action did not make "
            "(a colleague's note, say); nothing was undone. Delete those first if they must go.",
            kind=kind, count=count,
        )


@dataclass(frozen=True)
class UndoPreview:
    """What `u` would take back: the action's label, the citizen it concerned, when."""

    label: str
    citizen: str | None
    at: datetime
    kind: str  # "undo" or "redo"


@dataclass(frozen=True)
class Owner:
    caseworker: str | None
    instance: str | None = None

    def where(self, kind: str):  # type: ignore[no-untyped-def]
        cond = [UndoEntry.kind == kind]
        cond.append(UndoEntry.caseworker.is_(None) if self.caseworker is None else UndoEntry.caseworker == self.caseworker)
        if self.instance is not None:
            cond.append(UndoEntry.instance == self.instance)
        return cond


def _row(values: dict[str, Any]) -> dict[str, Any]:
    return {key: decode(value) for key, value in values.items()}




def stamp_after(session: Session, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Called when an action is recorded: notes each written row's state after the action, so
    a later undo can tell whether somebody changed the row since."""
    session.flush()
    for change in changes:
        t = TABLES[change["table"]]
        if change["op"] == "delete":
            continue
        current = session.execute(select(t).where(t.c.id == change["id"])).mappings().first()
        if current is None:
            continue
        if change["op"] == "insert" and "version" in current:
            change["v"] = current["version"]
        elif change["op"] == "update":
            change["new"] = {k: _encode(current[k]) for k in change["old"] if k in current}
    return changes


def _edited(table: str, keys) -> list[str]:  # type: ignore[no-untyped-def]
    return [k for k in keys if k not in BOOKKEEPING and k not in DERIVED.get(table, ())]


def _check_conflicts(session: Session, changes: list[dict[str, Any]]) -> None:
    for change in changes:
        t = TABLES[change["table"]]
        if change["op"] == "delete":
            continue
        current = session.execute(select(t).where(t.c.id == change["id"])).mappings().first()
        if current is None:
            continue
        if change["op"] == "insert" and "v" in change and current.get("version") != change["v"]:
            keys = _edited(change["table"], current.keys())
            raise Conflict(change["table"], change["id"], theirs={k: current[k] for k in keys}, mine={},
                           expected=change["v"], found=current.get("version"))
        if change["op"] == "update" and "new" in change:
            new = _row(change["new"])
            changed = [k for k in _edited(change["table"], new) if current.get(k) != new[k]]
            if changed:
                old = _row(change["old"])
                raise Conflict(change["table"], change["id"],
                               theirs={k: current[k] for k in changed}, mine={k: old.get(k) for k in changed})


def _check_cascade(session: Session, inserted: list[dict[str, Any]]) -> None:
    """Refuse when deleting a created row would take rows the action did not create along."""
    ours = {(c["table"], c["id"]) for c in inserted}
    for change in inserted:
        parent = TABLES[change["table"]]
        for child in Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                if fk.column.table is not parent:
                    continue
                ids = session.scalars(select(child.c.id).where(fk.parent == change["id"])).all()
                others = [i for i in ids if (child.name, i) not in ours]
                if others:
                    raise UndoRefused(change["table"], len(others))


def _apply(session: Session, changes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], set[int], set[int]]:
    """Reverts `changes`; returns the changes that would revert this revert (for redo), and
    the citizens and courses whose derived dates must be recomputed."""
    inverse: list[dict[str, Any]] = []
    citizens: set[int] = set()
    courses: set[int] = set()

    def note(table: str, values: dict[str, Any]) -> None:
        cid = citizen_of(session, table, values)
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
            row = dict(current)
            note(change["table"], row)
            session.execute(delete(t).where(t.c.id == change["id"]))
            inverse.append({"op": "delete", "table": change["table"], "id": change["id"],
                            "row": {k: _encode(v) for k, v in row.items()}})
    deleted = [c for c in changes if c["op"] == "delete"]
    for change in sorted(deleted, key=lambda c: ORDER.index(c["table"])):
        row = _row(change["row"])
        session.execute(insert(TABLES[change["table"]]).values(**row))
        note(change["table"], row)
        inverse.append({"op": "insert", "table": change["table"], "id": change["id"]})
    for change in reversed([c for c in changes if c["op"] == "update"]):
        t = TABLES[change["table"]]
        old = _row(change["old"])
        old.pop("version", None)
        before = session.execute(select(t).where(t.c.id == change["id"])).mappings().first()
        if before is None:
            continue
        session.execute(update(t).where(t.c.id == change["id"]).values(**old, version=t.c.version + 1))
        inverse.append({"op": "update", "table": change["table"], "id": change["id"],
                        "old": {k: _encode(before[k]) for k in old if k in before}})
        note(change["table"], dict(before))
    return inverse, citizens, courses


def _newest(session: Session, owner: Owner, kind: str) -> UndoEntry | None:
    stmt = select(UndoEntry).where(*owner.where(kind)).order_by(UndoEntry.id.desc()).limit(1)
    return session.scalars(stmt).first()


def _citizen_name(session: Session, changes: list[dict[str, Any]]) -> str | None:
    for change in changes:
        if change["op"] == "delete":
            values = _row(change["row"])
        else:
            t = TABLES[change["table"]]
            current = session.execute(select(t).where(t.c.id == change["id"])).mappings().first()
            values = dict(current) if current is not None else {}
        if change["table"] == "citizen" and values.get("name"):
            return str(values["name"])
        cid = citizen_of(session, change["table"], values)
        name = session.scalar(select(Citizen.name).where(Citizen.id == cid)) if cid is not None else None
        if name is not None:
            return name
    return None


def peek(engine: Engine, owner: Owner, kind: str = "undo") -> UndoPreview | None:
    """What undo (or redo) would take back, without doing it."""
    with reading(engine) as session:
        entry = _newest(session, owner, kind)
        if entry is None:
            return None
        return UndoPreview(entry.label, _citizen_name(session, json.loads(entry.changes)), entry.at, kind)


def clear_redo(session: Session, owner: Owner) -> None:
    """A new action ends what can be redone, as in every editor."""
    session.execute(delete(UndoEntry).where(*owner.where("redo")))


def _step(engine: Engine, owner: Owner, kind: str, force: bool) -> str | None:
    with writing(engine) as session:
        entry = _newest(session, owner, kind)
        if entry is None:
            return None
        changes: list[dict[str, Any]] = json.loads(entry.changes)
        if not force:
            _check_conflicts(session, changes)
        _check_cascade(session, [c for c in changes if c["op"] == "insert"])
        try:
            inverse, citizens, courses = _apply(session, changes)
            session.flush()
        except IntegrityError as exc:
            # A re-inserted row whose id or CPR has since been taken, or whose parent is gone.
            raise UndoRefused("record", 1) from exc
        label = entry.label
        session.delete(entry)
        session.flush()
        for course_id in sorted(courses):
            refresh_course(session, course_id)
        for citizen_id in sorted(citizens):
            refresh_citizen(session, citizen_id)
        session.flush()
        session.add(UndoEntry(label=label, caseworker=owner.caseworker, instance=owner.instance,
                              kind="redo" if kind == "undo" else "undo",
                              changes=json.dumps(stamp_after(session, inverse), ensure_ascii=False)))
        return label


def undo_last(engine: Engine, *, caseworker: str | None = None, instance: str | None = None,
              force: bool = False) -> str | None:
    """Returns the label of the undone action, or None when there is nothing to undo."""
    return _step(engine, Owner(caseworker, instance), "undo", force)


def redo_last(engine: Engine, *, caseworker: str | None = None, instance: str | None = None,
              force: bool = False) -> str | None:
    """Does the newest undone action again; None when there is nothing to redo."""
    return _step(engine, Owner(caseworker, instance), "redo", force)


def purge_older_than(session: Session, cutoff: datetime) -> int:
    """Undo entries hold deleted note text; past the undo window they go."""
    count = session.scalar(select(func.count()).select_from(UndoEntry).where(UndoEntry.at < cutoff)) or 0
    if count:
        session.execute(delete(UndoEntry).where(UndoEntry.at < cutoff))
    return count
