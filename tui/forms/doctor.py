"""Doctor requests: order (the LÆ form sets the answer deadline; a recent answer of the same
form is named before ordering again), register the answer and how it was used (then an open
"chase the certificate" task is offered for closing)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from store.commands import doctor
from store.commands.base import Command
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field
from tui.i18n import dates, t

if TYPE_CHECKING:
    from store import records
    from store.facade import Store


class DoctorOrderForm(FormScreen):
    title_key = "form.doctor_order"

    def __init__(self, citizen: records.Citizen, today: date) -> None:
        self.fields = (  # type: ignore[misc]  # the LÆ forms in force depend on the day
            Field("form", "field.lae_form", "choice", required=True, choices=choices.doctor_forms(today),
                  default="LÆ 125"),
            Field("doctor", "field.doctor", required=True, limit=300),
            # Required for the forms the profile names (the store says so beside the field).
            Field("questions", "field.questions", "long", hint="hint.questions"),
            Field("sent", "field.sent", "date", required=True, default="today", hint="hint.date"),
            Field("consultation", "field.consultation", "date", hint="hint.consultation"),
        )
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def warnings(self, store: Store, values: dict[str, Any]) -> list[str]:
        found = store.recent_answers(self.citizen.id, values["form"])
        return [t("warn.recent_answer", form=a.form, doctor=a.doctor, answered=dates.fmt_date(a.answered))
                for a in found[:1]]

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

    def after_saved(self, value: Any) -> None:
        from tui.forms.certificate import offer_closing_chase

        offer_closing_chase(self.app, self.request_id)
