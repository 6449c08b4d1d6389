"""After ordering a certificate: the consultation date added once known (the answer due
moves, and the form says to when), and the "chase the certificate" task offered for closing
when the answer comes."""

from __future__ import annotations

from typing import Any

from store.commands.certificates import CloseTasks
from store.commands.doctor import SetConsultation
from tui.forms.base import FormScreen
from tui.forms.fields import Field
from tui.i18n import dates, t
from tui.messages import Write


class ConsultationForm(FormScreen):
    title_key = "form.consultation"
    fields = (Field("consultation", "field.consultation", "date", required=True, hint="hint.date"),)

    def __init__(self, request_id: int, context: str) -> None:
        super().__init__(context=context)
        self.request_id = request_id

    def command(self, values: dict[str, Any]) -> SetConsultation:
        return SetConsultation(request_id=self.request_id, consultation=values["consultation"])

    def after_saved(self, value: Any) -> None:
        self.app.notify(t("doctor.answer_due_now", date=dates.fmt_date(value)), timeout=6)


def offer_closing_chase(app: Any, request_id: int) -> None:
    """Looks the open "chase the certificate" tasks up in a worker, then asks to close them."""
    from tui.workers import run_read

    run_read(app, lambda: app.store.chase_tasks(request_id), lambda tasks: _ask_to_close(app, tasks))


def _ask_to_close(app: Any, tasks: tuple[tuple[int, str], ...]) -> None:
    from tui.screens.confirm import ConfirmScreen

    if not tasks:
        return
    titles = ", ".join(f"“{title}”" for _, title in tasks)
    command = CloseTasks(task_ids=tuple(tid for tid, _ in tasks))

    def close(yes: bool | None) -> None:
        if yes:
            app.post_message(Write(command, what="", notice=t("doctor.chase_closed", n=len(tasks))))

    app.push_screen(ConfirmScreen(t("confirm.close_chase", tasks=titles)), close)
