"""The small, frequent records: contact log entries, case notes, tasks and absences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, Literal

from sqlalchemy.orm import Session

from store.commands.base import Command, Context
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


DELETABLE = {"note": CaseNote, "contact": ContactEntry, "absence": Absence}
Deletable = Literal["note", "contact", "absence"]


def delete_row(session: Session, *, kind: Deletable, row_id: int) -> None:
    """Only the small journal records can be deleted outright; `kind` names which."""
    if kind not in DELETABLE:
        raise Invalid("kind", f"{kind!r} cannot be deleted", "value.not_allowed", value=kind,
                      allowed=", ".join(DELETABLE))
    session.delete(fetch(session, DELETABLE[kind], row_id))


# -- the commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LogContact(Command[int]):
    label: ClassVar[str] = "journal_entries.log_contact"
    citizen_id: int
    at: datetime
    channel: str
    direction: str
    reached: bool
    note: str | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return log_contact(session, citizen_id=self.citizen_id, at=self.at, channel=self.channel,
                           direction=self.direction, reached=self.reached, note=self.note)


@dataclass(frozen=True)
class AddNote(Command[int]):
    label: ClassVar[str] = "journal_entries.add_note"
    citizen_id: int
    at: datetime
    text_: str

    def apply(self, session: Session, ctx: Context) -> int:
        return add_note(session, citizen_id=self.citizen_id, at=self.at, text_=self.text_)


@dataclass(frozen=True)
class EditNote(Command[None]):
    label: ClassVar[str] = "journal_entries.edit_note"
    note_id: int
    text_: str
    expected_version: int | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        edit_note(session, note_id=self.note_id, text_=self.text_, expected_version=self.expected_version)


@dataclass(frozen=True)
class AddTask(Command[int]):
    label: ClassVar[str] = "journal_entries.add_task"
    title: str
    due: date | None = None
    citizen_id: int | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return add_task(session, title=self.title, due=self.due, citizen_id=self.citizen_id)


@dataclass(frozen=True)
class CompleteTask(Command[None]):
    """`done_on=None` reopens the task."""

    label: ClassVar[str] = "journal_entries.complete_task"
    task_id: int
    done_on: date | None

    def apply(self, session: Session, ctx: Context) -> None:
        complete_task(session, task_id=self.task_id, done_on=self.done_on)


@dataclass(frozen=True)
class AddAbsence(Command[int]):
    label: ClassVar[str] = "journal_entries.add_absence"
    citizen_id: int
    kind: str
    first_day: date
    last_day: date
    note: str | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return add_absence(session, citizen_id=self.citizen_id, kind=self.kind, first_day=self.first_day,
                           last_day=self.last_day, note=self.note)


@dataclass(frozen=True)
class DeleteEntry(Command[None]):
    """Deletes a case note, a contact log entry or an absence."""

    label: ClassVar[str] = "journal_entries.delete_row"
    kind: Deletable
    row_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        delete_row(session, kind=self.kind, row_id=self.row_id)
