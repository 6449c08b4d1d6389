"""Doctor's certificates the seeds' way: questions required for the profile's forms, a warning
naming a recent answer of the same form before ordering another, the consultation date added
afterwards, and the "chase the certificate" task closed when the answer comes."""

from __future__ import annotations

from typing import Any

from store.commands.certificates import (
    CloseTasks, OrderCertificate, RegisterCertificateAnswer, SetConsultation, chase_tasks, recent_answers,
)
from tui.forms.doctor import DoctorAnswerForm, DoctorOrderForm
from tui.forms.fields import Field
from tui.forms.typed import TypedForm
from tui.i18n import dates, t


class OrderForm(TypedForm, DoctorOrderForm):
    """The certificate order form with the seeds' two checks; its fields are DoctorOrderForm's
    (so it is one), its save the typed OrderCertificate."""

    def __init__(self, citizen: Any, today) -> None:  # type: ignore[no-untyped-def]
        DoctorOrderForm.__init__(self, citizen, today)
        self.fields = tuple(
            Field(f.name, f.label, f.kind, f.required, f.choices, f.default, "hint.questions", f.limit)
            if f.name == "questions" else f for f in self.fields
        )

    def warnings(self, values: dict[str, Any]) -> list[str]:
        found = self.app.store.check(recent_answers, citizen_id=self.citizen.id, form=values["form"],
                                     today=self.app.clock.today())
        return [t("warn.recent_answer", form=a.form, doctor=a.doctor, answered=dates.fmt_date(a.answered))
                for a in found[:1]]

    def typed(self, values: dict[str, Any]) -> OrderCertificate:
        return OrderCertificate(citizen_id=self.citizen.id, **values)


class ConsultationForm(TypedForm):
    title_key = "form.consultation"
    fields = (Field("consultation", "field.consultation", "date", required=True, hint="hint.date"),)

    def __init__(self, request_id: int, context: str) -> None:
        super().__init__(context=context)
        self.request_id = request_id

    def typed(self, values: dict[str, Any]) -> SetConsultation:
        return SetConsultation(request_id=self.request_id, consultation=values["consultation"])

    def _saved(self, result: Any) -> None:
        super()._saved(result)
        if result is not None:
            self.app.notify(t("doctor.answer_due_now", date=dates.fmt_date(result)), timeout=6)


class AnswerForm(TypedForm, DoctorAnswerForm):
    """DoctorAnswerForm saved as the typed command; afterwards an open "chase the certificate"
    task is offered for closing."""

    def typed(self, values: dict[str, Any]) -> RegisterCertificateAnswer:
        return RegisterCertificateAnswer(request_id=self.request_id, **values)

    def _saved(self, result: Any) -> None:
        app, request_id = self.app, self.request_id
        super()._saved(result)
        offer_closing_chase(app, request_id)


def offer_closing_chase(app: Any, request_id: int) -> None:
    """Looks the open "chase the certificate" tasks up in a worker, then asks to close them."""
    from tui.workers import report, run_write

    run_write(app, lambda: app.store.check(chase_tasks, request_id=request_id),
              lambda tasks: _ask_to_close(app, tasks), lambda exc: report(app, exc))


def _ask_to_close(app: Any, tasks: tuple[tuple[int, str], ...]) -> None:
    from tui.messages import DataChanged
    from tui.screens.confirm import ConfirmScreen
    from tui.workers import report, run_write

    if not tasks:
        return
    titles = ", ".join(f"“{title}”" for _, title in tasks)
    command = CloseTasks(task_ids=tuple(tid for tid, _ in tasks))

    def done(_result: Any) -> None:
        app.notify(t("doctor.chase_closed", n=len(tasks)), timeout=4)
        app.post_message(DataChanged())

    def close(yes: bool | None) -> None:
        if yes:
            run_write(app, lambda: app.store.execute(command), done, lambda exc: report(app, exc))

    app.push_screen(ConfirmScreen(t("confirm.close_chase", tasks=titles)), close)
