"""After ordering a certificate: the consultation date added once known (the answer due
moves, and the form says to when), and the "chase the certificate" task offered for closing
when the answer comes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from store.commands.certificates import CloseTasks
from store.commands.doctor import SetConsultation
from tui.forms.base import FormScreen
from tui.forms.fields import DATE, Values, required
from tui.host import host_of
from tui.i18n import dates, t
from tui.messages import Write

if TYPE_CHECKING:
    from textual.app import App


class ConsultationValues(Values):
    consultation = required(DATE, "field.consultation", hint="hint.date")


class ConsultationForm(FormScreen[ConsultationValues]):
    title_key = "form.consultation"
    values_type = ConsultationValues

    def __init__(self, request_id: int, context: str) -> None:
        super().__init__(context=context)
        self.request_id = request_id

    def command(self, values: ConsultationValues) -> SetConsultation:
        return SetConsultation(request_id=self.request_id, consultation=values.consultation)

    def after_saved(self, value: object) -> None:
        assert isinstance(value, date)  # SetConsultation's result: the new answer date
        self.app.notify(t("doctor.answer_due_now", date=dates.fmt_date(value)), timeout=6)


def offer_closing_chase(app: App[object], request_id: int) -> None:
    """Looks the open "chase the certificate" tasks up in a worker, then asks to close them."""
    from tui.workers import run_read

    def chase() -> tuple[tuple[int, str], ...]:
        store = host_of(app).store
        assert store is not None  # run_read calls only once the store is open
        return store.chase_tasks(request_id)

    run_read(app, chase, lambda tasks: _ask_to_close(app, tasks))


def _ask_to_close(app: App[object], tasks: tuple[tuple[int, str], ...]) -> None:
    from tui.screens.confirm import ConfirmScreen

    if not tasks:
        return
    titles = ", ".join(f"“{title}”" for _, title in tasks)
    command = CloseTasks(task_ids=tuple(tid for tid, _ in tasks))

    def close(yes: bool | None) -> None:
        if yes:
            app.post_message(Write(command, what="", notice=t("doctor.chase_closed", n=len(tasks))))

    app.push_screen(ConfirmScreen(t("confirm.close_chase", tasks=titles)), close)
