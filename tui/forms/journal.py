"""Case note, task and absence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.commands import journal_entries
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import CHOICE, DATE, LONG, TEXT, Values, optional, required
from tui.host import host

if TYPE_CHECKING:
    from store import records


class NoteValues(Values):
    text_ = required(LONG, "field.note")


class NoteForm(FormScreen[NoteValues]):
    title_key = "form.note"
    values_type = NoteValues

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: NoteValues) -> journal_entries.AddNote:
        return journal_entries.AddNote(citizen_id=self.citizen.id, at=host(self).clock.now(), text_=values.text_)


class TaskValues(Values):
    title = required(TEXT, "field.task", limit=500)
    due = optional(DATE, "field.due", hint="hint.date")


class TaskForm(FormScreen[TaskValues]):
    title_key = "form.task"
    values_type = TaskValues

    def __init__(self, citizen: records.Citizen | None) -> None:
        super().__init__(context=citizen.name if citizen else "")
        self.citizen = citizen

    def command(self, values: TaskValues) -> journal_entries.AddTask:
        return journal_entries.AddTask(citizen_id=self.citizen.id if self.citizen else None, title=values.title,
                                       due=values.due)


class AbsenceValues(Values):
    kind = required(CHOICE, "field.absence_kind", choices=choices.ABSENCE_KINDS, default="sickness")
    first_day = required(DATE, "field.first_day", hint="hint.date")
    last_day = required(DATE, "field.last_day", hint="hint.date")
    note = optional(LONG, "field.note")


class AbsenceForm(FormScreen[AbsenceValues]):
    title_key = "form.absence"
    values_type = AbsenceValues

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: AbsenceValues) -> journal_entries.AddAbsence:
        return journal_entries.AddAbsence(citizen_id=self.citizen.id, kind=values.kind, first_day=values.first_day,
                                          last_day=values.last_day, note=values.note)


class EditNoteForm(FormScreen[NoteValues]):
    title_key = "form.note_edit"
    values_type = NoteValues

    def __init__(self, note: records.Note, context: str) -> None:
        super().__init__(context=context, initial={"text_": note.text})
        self.note = note

    def command(self, values: NoteValues) -> journal_entries.EditNote:
        return journal_entries.EditNote(note_id=self.note.id, expected_version=self.note.version, text_=values.text_)
