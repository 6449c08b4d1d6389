"""Doctor requests: order (the LÆ form sets the answer deadline), register the answer and how
it was used."""

from __future__ import annotations

from typing import Any

from store.commands import doctor
from store.commands.base import Command
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field


class DoctorOrderForm(FormScreen):
    title_key = "form.doctor_order"

    def __init__(self, citizen: Any, today) -> None:  # type: ignore[no-untyped-def]
        self.fields = (  # type: ignore[misc]  # the LÆ forms in force depend on the day
            Field("form", "field.lae_form", "choice", required=True, choices=choices.doctor_forms(today),
                  default="LÆ 125"),
            Field("doctor", "field.doctor", required=True, limit=300),
            Field("questions", "field.questions", "long"),
            Field("sent", "field.sent", "date", required=True, default="today", hint="hint.date"),
            Field("consultation", "field.consultation", "date", hint="hint.consultation"),
        )
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return doctor.OrderCertificate(citizen_id=self.citizen.id, **values)


class DoctorAnswerForm(FormScreen):
    title_key = "form.doctor_answer"
    fields = (
        Field("answered", "field.answered", "date", required=True, default="today", hint="hint.date"),
        Field("answer_use", "field.answer_use", "long"),
    )

    def __init__(self, request_id: int, context: str) -> None:
        super().__init__(context=context)
        self.request_id = request_id

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return doctor.RegisterAnswer(request_id=self.request_id, **values)
