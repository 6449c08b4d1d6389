"""A planned meeting through the day: the citizen's afbud and its follow-up, moving it, and the
indkaldelse."""

from __future__ import annotations

from datetime import datetime

from store.commands.meeting_day import CitizenCancelled, MoveMeeting, RecordInvitation
from store.queries.rows import AgendaMeeting
from store.records import INVITE_CHANNELS, Meeting
from tui.forms import choices
from tui.forms.fields import CHOICE, DATE, MINUTES, TEXT, TIME, Values, optional, required
from tui.forms.base import FormScreen
from tui.i18n import t

AFBUD_FOLLOW_UPS = choices.of("afbud_follow_up", ("meeting", "task"))
INVITE_VIA = choices.of("invite_via", INVITE_CHANNELS)


class AfbudValues(Values):
    reason = optional(TEXT, "field.afbud_reason", limit=500)
    follow_up = required(CHOICE, "field.afbud_follow_up", choices=AFBUD_FOLLOW_UPS, default="meeting")
    day = optional(DATE, "field.new_date", hint="hint.date")
    time = optional(TIME, "field.time", hint="hint.time")
    task_title = optional(TEXT, "field.task", limit=500)
    task_due = optional(DATE, "field.due", hint="hint.date")


class AfbudForm(FormScreen[AfbudValues]):
    title_key = "form.afbud"
    values_type = AfbudValues

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context, initial={"task_title": t("afbud.default_task")})
        self.meeting_id = meeting_id

    def command(self, values: AfbudValues) -> CitizenCancelled:
        start = datetime.combine(values.day, values.time) if values.day and values.time else None
        return CitizenCancelled(meeting_id=self.meeting_id, follow_up=values.follow_up, reason=values.reason,
                                start=start, task_title=values.task_title, task_due=values.task_due)


class MoveMeetingValues(Values):
    day = required(DATE, "field.date", hint="hint.date")
    time = required(TIME, "field.time", hint="hint.time")
    minutes = required(MINUTES, "field.minutes", hint="hint.minutes")
    place = required(CHOICE, "field.place", choices=choices.PLACES)
    place_detail = optional(TEXT, "field.place_detail", limit=300)


class MoveMeetingForm(FormScreen[MoveMeetingValues]):
    title_key = "form.move_meeting"
    values_type = MoveMeetingValues

    def __init__(self, meeting: Meeting | AgendaMeeting, context: str) -> None:
        """`meeting`: from the red thread (a record) or from the Today pane (its row)."""
        super().__init__(context=context, initial={
            "day": meeting.start.date(), "time": meeting.start.time(), "minutes": meeting.minutes,
            "place": meeting.place, "place_detail": meeting.place_detail,
        })
        self.meeting_id = meeting.meeting_id if isinstance(meeting, AgendaMeeting) else meeting.id

    def command(self, values: MoveMeetingValues) -> MoveMeeting:
        return MoveMeeting(meeting_id=self.meeting_id, start=datetime.combine(values.day, values.time),
                           minutes=values.minutes, place=values.place, place_detail=values.place_detail or None)


class InvitationValues(Values):
    invited_on = required(DATE, "field.invited_on", default="today", hint="hint.date")
    via = required(CHOICE, "field.invite_via", choices=INVITE_VIA, default="digital_post")


class InvitationForm(FormScreen[InvitationValues]):
    title_key = "form.invitation"
    values_type = InvitationValues

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def command(self, values: InvitationValues) -> RecordInvitation:
        return RecordInvitation(meeting_id=self.meeting_id, invited_on=values.invited_on, via=values.via)

