"""Case sparring: "drøftet i sagssparring", with what was agreed."""

from __future__ import annotations

from store.commands.sparring import DiscussedAtSparring
from tui.forms.fields import LONG, Values, optional
from tui.forms.base import FormScreen


class SparringNoteValues(Values):
    note = optional(LONG, "field.sparring_note")


class SparringNoteForm(FormScreen[SparringNoteValues]):
    title_key = "form.sparring_note"
    values_type = SparringNoteValues

    def __init__(self, citizen_id: int, context: str) -> None:
        super().__init__(context=context)
        self.citizen_id = citizen_id

    def command(self, values: SparringNoteValues) -> DiscussedAtSparring:
        return DiscussedAtSparring(citizen_id=self.citizen_id, note=values.note)
