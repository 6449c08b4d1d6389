"""Runs one user action as one transaction: the action's own changes, the derived deadlines
they move, and an undo entry, all committed together or not at all."""

from __future__ import annotations

import json

from datetime import timedelta
from typing import TypeVar

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from store.commands.base import ChangeSet, Command, Context, Outcome
from store.commands.journal import Journal
from store.commands.owners import parent_citizen
from store.commands.undo import Owner, clear_redo, purge_older_than, stamp_after
from store.db.base import utcnow
from store.db.models import UndoEntry
from store.db.session import rehearsing, writing
from store.derive import refresh_citizen, refresh_course

T = TypeVar("T")
KEEP_UNDO = 100
# How long an action can be undone. Past it the entry goes, and with it any deleted note
# text it held: the journal is not an archive of what was deleted.
UNDO_WINDOW = timedelta(hours=24)


def refresh_touched(session: Session, journal: Journal) -> None:
    session.flush()
    for table, parent_id in sorted(journal.parents):
        citizen_id = parent_citizen(session, table, parent_id)
        if citizen_id is not None:
            journal.citizens.add(citizen_id)
    # Courses first: a course change can touch its citizen's open items, never the reverse.
    for course_id in sorted(journal.courses):
        refresh_course(session, course_id)
    for citizen_id in sorted(journal.citizens):
        refresh_citizen(session, citizen_id)
    session.flush()


def perform_command(engine: Engine, command: Command[T], ctx: Context, *, instance: str | None = None) -> Outcome[T]:
    """Runs a typed command as one transaction with undo; the outcome carries the change set,
    the derived rows it moved included."""
    with writing(engine) as session:
        return _perform(session, command, ctx, instance)


def rehearse_command(engine: Engine, command: Command[T], ctx: Context, *, instance: str | None = None) -> None:
    """Runs a command exactly as `perform_command` does, then rolls the transaction back:
    nothing is written. SQLAlchemy compiles each statement the first time it runs (the
    command's own, the derived deadlines', the undo entry's: about a dozen, 5-8 ms at 50
    citizens); a rehearsal while a form is open makes the save itself run them compiled."""
    with rehearsing(engine) as session:
        _perform(session, command, ctx, instance)


def _perform(session: Session, command: Command[T], ctx: Context, instance: str | None) -> Outcome[T]:
    journal = Journal(session)
    try:
        result = command.apply(session, ctx)
        refresh_touched(session, journal)
    finally:
        journal.detach()
    if journal.changes:
        _record(session, command.label, Owner(ctx.caseworker, instance), journal)
    return Outcome(result, ChangeSet(frozenset(journal.citizens), frozenset(journal.kinds)))


def _record(session: Session, label: str, owner: Owner, journal: Journal) -> None:
    clear_redo(session, owner)
    changes = stamp_after(session, journal.changes)
    session.add(UndoEntry(label=label, caseworker=owner.caseworker, instance=owner.instance,
                          changes=json.dumps(changes, ensure_ascii=False)))
    session.flush()
    _trim(session, owner.caseworker)
    purge_older_than(session, utcnow() - UNDO_WINDOW)


def _trim(session: Session, caseworker: str | None) -> None:
    keep = select(UndoEntry.id).where(UndoEntry.caseworker.is_(caseworker) if caseworker is None else UndoEntry.caseworker == caseworker)
    ids = session.scalars(keep.order_by(UndoEntry.id.desc()).offset(KEEP_UNDO)).all()
    if ids:
        session.execute(delete(UndoEntry).where(UndoEntry.id.in_(ids)))
