"""Decisions after a no-show: a hearing's decision and a decision on a no-show itself. Both
save a typed command from store.commands.decisions; a decision before the hearing's reply
deadline (or a sanction without a hearing) is refused by the store with its reason, shown
here, and a second ctrl+s confirms it."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.widgets import Static

from store.commands.base import Command
from store.commands.decisions import DecideNoShow, DecisionNeedsConfirmation
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field
from tui.i18n import dates, t


class ConfirmingDecision:
    """Mixin for a FormScreen whose `typed(values)` builds a decision command."""

    decision_confirmed = False

    def typed(self, values: dict[str, Any]) -> Command[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return self.typed(values)

    def failed(self, exc: BaseException) -> None:
        super().failed(exc)  # type: ignore[misc]
        if isinstance(exc, DecisionNeedsConfirmation):
            params = dict(exc.params)
            if params.get("reply_due"):  # the reader's date format, not the store's ISO
                params["reply_due"] = dates.fmt_date(date.fromisoformat(str(params["reply_due"])))
            self.show_error(exc.field, t("error.invalid_field", message=t("invalid." + exc.code, **params)))  # type: ignore[attr-defined]
            # Asked and answered: the next ctrl+s decides anyway.
            self.decision_confirmed = True
            self.query_one("#form-warning", Static).update(Text(t("decision.ask")))  # type: ignore[attr-defined]


class DecideNoShowForm(ConfirmingDecision, FormScreen):
    title_key = "form.decide_no_show"
    fields = (
        Field("outcome", "field.hearing_outcome", "choice", required=True, choices=choices.HEARING_OUTCOMES),
        Field("decided_on", "field.decided_on", "date", required=True, default="today", hint="hint.date"),
    )

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def typed(self, values: dict[str, Any]) -> Command[Any]:
        return DecideNoShow(self.meeting_id, values["outcome"], values["decided_on"], confirmed=self.decision_confirmed,
                            trigger=t("no_show.default_trigger"))
