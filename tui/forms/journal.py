"""Case note, task and absence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.commands import journal_entries
from store.commands.base import Command
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field
from tui.host import host

if TYPE_CHECKING:
    from store import records


class NoteForm(FormScreen):
    title_key = "form.note"
    fields = (Field("text_", "field.note", "long", required=True),)

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return journal_entries.AddNote(citizen_id=self.citizen.id, at=host(self).clock.now(), **values)


class TaskForm(FormScreen):
    title_key = "form.task"
    fields = (
        Field("title", "field.task", required=True, limit=500),
        Field("due", "field.due", "date", hint="hint.date"),
    )

    def __init__(self, citizen: records.Citizen | None) -> None:
        super().__init__(context=citizen.name if citizen else "")
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return journal_entries.AddTask(citizen_id=self.citizen.id if self.citizen else None, **values)


class AbsenceForm(FormScreen):
    title_key = "form.absence"
    fields = (
        Field("kind", "field.absence_kind", "choice", required=True, choices=choices.ABSENCE_KINDS, default="sickness"),
        Field("first_day", "field.first_day", "date", required=True, hint="hint.date"),
        Field("last_day", "field.last_day", "date", required=True, hint="hint.date"),
        Field("note", "field.note", "long"),
    )

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return journal_entries.AddAbsence(citizen_id=self.citizen.id, **values)


class EditNoteForm(FormScreen):
    title_key = "form.note_edit"
    fields = (Field("text_", "field.note", "long", required=True),)

    def __init__(self, note: records.Note, context: str) -> None:
        super().__init__(context=context, initial={"text_": note.text})
        self.note = note

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return journal_entries.EditNote(note_id=self.note.id, expected_version=self.note.version, **values)
