"""The small, frequent records: contact log entries, case notes, tasks and absences."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from store.commands.checks import bump, fetch, one_of, text
from store.db.models import Absence, CaseNote, Citizen, ContactEntry, Task
from store.errors import Invalid
from store.records import ABSENCE_KINDS, CHANNELS, DIRECTIONS


def log_contact(
    session: Session, *, citizen_id: int, at: datetime, channel: str, direction: str, reached: bool, note: str | None = None
) -> int:
    fetch(session, Citizen, citizen_id)
    entry = ContactEntry(
        citizen_id=citizen_id, at=at, channel=one_of("channel", channel, CHANNELS),
        direction=one_of("direction", direction, DIRECTIONS), reached=reached, note=text("note", note),
    )
    session.add(entry)
    session.flush()
    return entry.id


def add_note(session: Session, *, citizen_id: int, at: datetime, text_: str) -> int:
    fetch(session, Citizen, citizen_id)
    note = CaseNote(citizen_id=citizen_id, at=at, text=text("text", text_, required=True))
    session.add(note)
    session.flush()
    return note.id


def edit_note(session: Session, *, note_id: int, text_: str, expected_version: int | None = None) -> None:
    note = fetch(session, CaseNote, note_id, expected_version)
    note.text = text("text", text_, required=True)  # type: ignore[assignment]
    bump(note)


def add_task(session: Session, *, title: str, due: date | None = None, citizen_id: int | None = None) -> int:
    if citizen_id is not None:
        fetch(session, Citizen, citizen_id)
    task = Task(citizen_id=citizen_id, title=text("title", title, required=True, limit=500), due=due)
    session.add(task)
    session.flush()
    return task.id


def complete_task(session: Session, *, task_id: int, done_on: date | None) -> None:
    """`done_on=None` reopens the task."""
    task = fetch(session, Task, task_id)
    task.done_on = done_on
    bump(task)


def add_absence(
    session: Session, *, citizen_id: int, kind: str, first_day: date, last_day: date, note: str | None = None
) -> int:
    fetch(session, Citizen, citizen_id)
    if last_day < first_day:
        raise Invalid("last_day", "the last day is before the first day", "date.end_before_start")
    absence = Absence(
        citizen_id=citizen_id, kind=one_of("kind", kind, ABSENCE_KINDS), first_day=first_day, last_day=last_day,
        note=text("note", note),
    )
    session.add(absence)
    session.flush()
    return absence.id


def delete_row(session: Session, *, model: type, row_id: int) -> None:
    session.delete(fetch(session, model, row_id))
