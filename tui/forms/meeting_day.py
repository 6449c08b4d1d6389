"""A planned meeting through the day: the citizen's afbud and its follow-up, moving it, and the
indkaldelse."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from store.commands.meeting_day import CitizenCancelled, MoveMeeting, RecordInvitation
from store.records import INVITE_CHANNELS
from tui.forms import choices
from tui.forms.fields import Field
from tui.forms.base import FormScreen
from tui.i18n import t

AFBUD_FOLLOW_UPS = choices.of("afbud_follow_up", ("meeting", "task"))
INVITE_VIA = choices.of("invite_via", INVITE_CHANNELS)


class AfbudForm(FormScreen):
    title_key = "form.afbud"
    fields = (
        Field("reason", "field.afbud_reason", limit=500),
        Field("follow_up", "field.afbud_follow_up", "choice", required=True, choices=AFBUD_FOLLOW_UPS, default="meeting"),
        Field("day", "field.new_date", "date", hint="hint.date"),
        Field("time", "field.time", "time", hint="hint.time"),
        Field("task_title", "field.task", limit=500),
        Field("task_due", "field.due", "date", hint="hint.date"),
    )

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context, initial={"task_title": t("afbud.default_task")})
        self.meeting_id = meeting_id

    def command(self, values: dict[str, Any]) -> CitizenCancelled:
        start = datetime.combine(values["day"], values["time"]) if values["day"] and values["time"] else None
        return CitizenCancelled(meeting_id=self.meeting_id, follow_up=values["follow_up"], reason=values["reason"],
                                start=start, task_title=values["task_title"], task_due=values["task_due"])


class MoveMeetingForm(FormScreen):
    title_key = "form.move_meeting"
    fields = (
        Field("day", "field.date", "date", required=True, hint="hint.date"),
        Field("time", "field.time", "time", required=True, hint="hint.time"),
        Field("minutes", "field.minutes", "minutes", required=True, hint="hint.minutes"),
        Field("place", "field.place", "choice", required=True, choices=choices.PLACES),
        Field("place_detail", "field.place_detail", limit=300),
    )

    def __init__(self, meeting: Any, context: str) -> None:
        """`meeting`: anything with meeting id, start, minutes, place and place_detail."""
        super().__init__(context=context, initial={
            "day": meeting.start.date(), "time": meeting.start.time(), "minutes": meeting.minutes,
            "place": meeting.place, "place_detail": meeting.place_detail,
        })
        self.meeting_id = getattr(meeting, "meeting_id", None) or meeting.id

    def command(self, values: dict[str, Any]) -> MoveMeeting:
        return MoveMeeting(meeting_id=self.meeting_id, start=datetime.combine(values["day"], values["time"]),
                           minutes=values["minutes"], place=values["place"], place_detail=values["place_detail"] or None)


class InvitationForm(FormScreen):
    title_key = "form.invitation"
    fields = (
        Field("invited_on", "field.invited_on", "date", required=True, default="today", hint="hint.date"),
        Field("via", "field.invite_via", "choice", required=True, choices=INVITE_VIA, default="digital_post"),
    )

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def command(self, values: dict[str, Any]) -> RecordInvitation:
        return RecordInvitation(meeting_id=self.meeting_id, invited_on=values["invited_on"], via=values["via"])

