"""A hearing both ways: guidance given, contact attempts and the citizen's reply. The decision
with its reasoning is tui.forms.meeting.HearingDecisionForm."""

from __future__ import annotations

from datetime import datetime

from store.commands.hearings import LogHearingContact, RecordGuidance, RecordHearingReply
from tui.forms import choices
from tui.forms.base import FormScreen, V
from tui.forms.fields import CHOICE, DATE, LONG, TIME, Values, checkbox, optional, required
from tui.host import host


class _HearingForm(FormScreen[V]):
    def __init__(self, hearing_id: int, context: str) -> None:
        super().__init__(context=context)
        self.hearing_id = hearing_id


class GuidanceValues(Values):
    guidance_on = required(DATE, "field.guidance_on", default="today", hint="hint.date")


class GuidanceForm(_HearingForm[GuidanceValues]):
    title_key = "form.hearing_guidance"
    values_type = GuidanceValues

    def command(self, values: GuidanceValues) -> RecordGuidance:
        return RecordGuidance(hearing_id=self.hearing_id, guidance_on=values.guidance_on)


class HearingContactValues(Values):
    day = required(DATE, "field.date", default="today", hint="hint.date")
    time = required(TIME, "field.time", hint="hint.time")
    channel = required(CHOICE, "field.channel", choices=choices.CHANNELS, default="phone")
    reached = checkbox("field.reached")
    note = optional(LONG, "field.note")


class HearingContactForm(_HearingForm[HearingContactValues]):
    title_key = "form.hearing_contact"
    values_type = HearingContactValues

    def on_mount(self) -> None:
        super().on_mount()
        from textual.widgets import Input

        self.query_one("#field-time", Input).value = host(self).clock.now().strftime("%H.%M")
        self.start = self.raw_values()

    def command(self, values: HearingContactValues) -> LogHearingContact:
        return LogHearingContact(hearing_id=self.hearing_id, at=datetime.combine(values.day, values.time),
                                 channel=values.channel, reached=values.reached, note=values.note)


class HearingReplyValues(Values):
    reply_on = required(DATE, "field.reply_on", default="today", hint="hint.date")
    reply_text = required(LONG, "field.reply_text")


class HearingReplyForm(_HearingForm[HearingReplyValues]):
    title_key = "form.hearing_reply"
    values_type = HearingReplyValues

    def command(self, values: HearingReplyValues) -> RecordHearingReply:
        return RecordHearingReply(hearing_id=self.hearing_id, reply_on=values.reply_on, reply_text=values.reply_text)
