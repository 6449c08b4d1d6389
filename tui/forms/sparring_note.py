"""Case sparring: "drøftet i sagssparring", with what was agreed."""

from __future__ import annotations

from typing import Any

from store.commands.sparring import DiscussedAtSparring
from tui.forms.fields import Field
from tui.forms.base import FormScreen


class SparringNoteForm(FormScreen):
    title_key = "form.sparring_note"
    fields = (Field("note", "field.sparring_note", "long"),)

    def __init__(self, citizen_id: int, context: str) -> None:
        super().__init__(context=context)
        self.citizen_id = citizen_id

    def command(self, values: dict[str, Any]) -> DiscussedAtSparring:
        return DiscussedAtSparring(citizen_id=self.citizen_id, note=values["note"])
