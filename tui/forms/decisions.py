"""Decisions after a no-show: a hearing's decision and a decision on a no-show itself. Both
save a typed command from store.commands.decisions; a decision before the hearing's reply
deadline (or a sanction without a hearing) is refused by the store with its reason, shown
here, and a second ctrl+s confirms it."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from store.commands.decisions import DecideNoShow, DecisionNeedsConfirmation
from tui.forms import choices
from tui.forms.base import FormScreen, V
from tui.forms.fields import CHOICE, DATE, Values, required
from tui.i18n import dates, t


class ConfirmingDecision(FormScreen[V]):
    """A form whose command is a decision: `confirmed=self.decision_confirmed` in `command`."""

    decision_confirmed = False

    def failed(self, exc: BaseException) -> None:
        super().failed(exc)
        if isinstance(exc, DecisionNeedsConfirmation):
            params = dict(exc.params)
            if params.get("reply_due"):  # the reader's date format, not the store's ISO
                params["reply_due"] = dates.fmt_date(date.fromisoformat(str(params["reply_due"])))
            self.show_error(exc.field, t("error.invalid_field", message=t("invalid." + exc.code, **params)))
            # Asked and answered: the next ctrl+s decides anyway.
            self.decision_confirmed = True
            self.query_one("#form-warning", Static).update(Text(t("decision.ask")))


class DecideNoShowValues(Values):
    outcome = required(CHOICE, "field.hearing_outcome", choices=choices.HEARING_OUTCOMES)
    decided_on = required(DATE, "field.decided_on", default="today", hint="hint.date")


class DecideNoShowForm(ConfirmingDecision[DecideNoShowValues]):
    title_key = "form.decide_no_show"
    values_type = DecideNoShowValues

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def command(self, values: DecideNoShowValues) -> DecideNoShow:
        return DecideNoShow(self.meeting_id, values.outcome, values.decided_on, confirmed=self.decision_confirmed,
                            trigger=t("no_show.default_trigger"))
