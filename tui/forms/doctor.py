"""Doctor requests: order (the LÆ form sets the answer deadline; a recent answer of the same
form is named before ordering again), register the answer and how it was used (then an open
"chase the certificate" task is offered for closing)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from store.commands import doctor
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import CHOICE, DATE, LONG, TEXT, Values, optional, required
from tui.i18n import dates, t

if TYPE_CHECKING:
    from store import records
    from store.facade import Store


class DoctorOrderValues(Values):
    # The LÆ forms in force depend on the day (FormScreen.choices_day).
    form = required(CHOICE, "field.lae_form", choices=choices.doctor_forms, default="LÆ 125")
    doctor = required(TEXT, "field.doctor", limit=300)
    # Required for the forms the profile names (the store says so beside the field).
    questions = optional(LONG, "field.questions", hint="hint.questions")
    sent = required(DATE, "field.sent", default="today", hint="hint.date")
    consultation = optional(DATE, "field.consultation", hint="hint.consultation")


class DoctorOrderForm(FormScreen[DoctorOrderValues]):
    title_key = "form.doctor_order"
    values_type = DoctorOrderValues

    def __init__(self, citizen: records.Citizen, today: date) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen
        self.today = today

    def choices_day(self) -> date:
        return self.today

    def warnings(self, store: Store, values: DoctorOrderValues) -> list[str]:
        found = store.recent_answers(self.citizen.id, values.form)
        return [t("warn.recent_answer", form=a.form, doctor=a.doctor, answered=dates.fmt_date(a.answered))
                for a in found[:1]]

    def command(self, values: DoctorOrderValues) -> doctor.OrderCertificate:
        return doctor.OrderCertificate(citizen_id=self.citizen.id, form=values.form, doctor=values.doctor,
                                       questions=values.questions, sent=values.sent,
                                       consultation=values.consultation)


class DoctorAnswerValues(Values):
    answered = required(DATE, "field.answered", default="today", hint="hint.date")
    answer_use = optional(LONG, "field.answer_use")


class DoctorAnswerForm(FormScreen[DoctorAnswerValues]):
    title_key = "form.doctor_answer"
    values_type = DoctorAnswerValues

    def __init__(self, request_id: int, context: str) -> None:
        super().__init__(context=context)
        self.request_id = request_id

    def command(self, values: DoctorAnswerValues) -> doctor.RegisterAnswer:
        return doctor.RegisterAnswer(request_id=self.request_id, answered=values.answered,
                                     answer_use=values.answer_use)

    def after_saved(self, value: object) -> None:
        from tui.forms.certificate import offer_closing_chase

        offer_closing_chase(self.app, self.request_id)
