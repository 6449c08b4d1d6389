"""A hearing both ways: guidance given, contact attempts and the citizen's reply. The decision
with its reasoning is tui.forms.meeting.HearingDecisionForm."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from store.commands.hearings import LogHearingContact, RecordGuidance, RecordHearingReply
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field
from tui.host import host


class _HearingForm(FormScreen):
    def __init__(self, hearing_id: int, context: str) -> None:
        super().__init__(context=context)
        self.hearing_id = hearing_id


class GuidanceForm(_HearingForm):
    title_key = "form.hearing_guidance"
    fields = (Field("guidance_on", "field.guidance_on", "date", required=True, default="today", hint="hint.date"),)

    def command(self, values: dict[str, Any]) -> RecordGuidance:
        return RecordGuidance(hearing_id=self.hearing_id, guidance_on=values["guidance_on"])


class HearingContactForm(_HearingForm):
    title_key = "form.hearing_contact"
    fields = (
        Field("day", "field.date", "date", required=True, default="today", hint="hint.date"),
        Field("time", "field.time", "time", required=True, hint="hint.time"),
        Field("channel", "field.channel", "choice", required=True, choices=choices.CHANNELS, default="phone"),
        Field("reached", "field.reached", "bool"),
        Field("note", "field.note", "long"),
    )

    def on_mount(self) -> None:
        super().on_mount()
        from textual.widgets import Input

        self.query_one("#field-time", Input).value = host(self).clock.now().strftime("%H.%M")
        self.start = self.raw_values()

    def command(self, values: dict[str, Any]) -> LogHearingContact:
        return LogHearingContact(hearing_id=self.hearing_id, at=datetime.combine(values["day"], values["time"]),
                                 channel=values["channel"], reached=bool(values["reached"]), note=values["note"])


class HearingReplyForm(_HearingForm):
    title_key = "form.hearing_reply"
    fields = (
        Field("reply_on", "field.reply_on", "date", required=True, default="today", hint="hint.date"),
        Field("reply_text", "field.reply_text", "long", required=True),
    )

    def command(self, values: dict[str, Any]) -> RecordHearingReply:
        return RecordHearingReply(hearing_id=self.hearing_id, reply_on=values["reply_on"], reply_text=values["reply_text"])

