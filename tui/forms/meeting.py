"""Meetings: plan (warning on an overlap or a closed day), mark held, mark no-show (accept the
absence, or start a hearing with its reply and decision deadlines)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from store.commands import meetings
from store.commands.decisions import DecideHearing
from tui.forms.decisions import ConfirmingDecision
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import CHOICE, DATE, LONG, MINUTES, TEXT, TIME, Values, checkbox, optional, required
from tui.i18n import dates, t
from tui.text import clean

if TYPE_CHECKING:
    from store.facade import Store


class MeetingCitizen(Protocol):
    """What planning a meeting needs of a citizen: a `records.Citizen`, or the planner's
    citizen of a proposal (`tui.screens.plan.MovedCitizen`)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def preferred_place(self) -> str | None: ...


class PlanMeetingValues(Values):
    day = required(DATE, "field.date", hint="hint.date", future=True)
    time = required(TIME, "field.time", hint="hint.time")
    minutes = required(MINUTES, "field.minutes", default="60", hint="hint.minutes")
    place = required(CHOICE, "field.place", choices=choices.PLACES, default="jobcentre")
    place_detail = optional(TEXT, "field.place_detail", limit=300)
    kind = required(CHOICE, "field.kind", choices=choices.MEETING_KINDS, default="job")
    prepared = checkbox("field.prepared")
    preparation_note = optional(LONG, "field.preparation_note")

    @property
    def start(self) -> datetime:
        return datetime.combine(self.day, self.time)


class PlanMeetingForm(FormScreen[PlanMeetingValues]):
    title_key = "form.meeting_plan"
    values_type = PlanMeetingValues

    def __init__(self, citizen: MeetingCitizen, *, kind: str = "job", course_id: int | None = None) -> None:
        place = citizen.preferred_place or ("supplier" if course_id else "jobcentre")
        super().__init__(context=citizen.name, initial={"kind": kind, "place": place})
        self.citizen = citizen
        self.course_id = course_id

    def warnings(self, store: Store, values: PlanMeetingValues) -> list[str]:
        found = store.meeting_warnings(values.start, values.minutes)
        out = []
        if found.overlaps:
            # Name the other meeting(s): whom, and when, so the caseworker can decide at once.
            day = store.agenda(values.day).meetings
            others = [m for m in day if m.meeting_id in found.overlaps]
            for m in others:
                end = m.start + timedelta(minutes=m.minutes)
                out.append(t("warn.overlap_with", who=clean(m.citizen_name, limit=60),
                             when=f"{dates.fmt_time(m.start)}–{dates.fmt_time(end)}"))
            if len(others) < len(found.overlaps):
                out.append(t("warn.overlap", n=len(found.overlaps) - len(others)))
        if found.closed_day:
            out.append(t("warn.closed_day", day=dates.fmt_day(values.day)))
        return out

    def form_when(self, values: PlanMeetingValues) -> str:
        return f"{dates.fmt_day(values.day)} {dates.fmt_time(values.start)}"

    def command(self, values: PlanMeetingValues) -> meetings.PlanMeeting:
        return meetings.PlanMeeting(
            citizen_id=self.citizen.id, start=values.start, minutes=values.minutes, place=values.place,
            kind=values.kind, place_detail=values.place_detail, prepared=values.prepared,
            preparation_note=values.preparation_note, course_id=self.course_id)


class HeldValues(Values):
    summary = optional(LONG, "field.summary")
    agreement = optional(LONG, "field.agreement")


class HeldForm(FormScreen[HeldValues]):
    title_key = "form.meeting_held"
    values_type = HeldValues

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def command(self, values: HeldValues) -> meetings.MarkHeld:
        return meetings.MarkHeld(meeting_id=self.meeting_id, summary=values.summary, agreement=values.agreement)


class NoShowValues(Values):
    # No default: the caseworker chooses (a hearing is not a given).
    follow_up = required(CHOICE, "field.follow_up", choices=choices.NO_SHOW_FOLLOW_UPS)
    trigger = optional(TEXT, "field.trigger", limit=500, hint="hint.trigger")


class NoShowForm(FormScreen[NoShowValues]):
    title_key = "form.meeting_no_show"
    values_type = NoShowValues

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def command(self, values: NoShowValues) -> meetings.MarkNoShow:
        trigger = values.trigger or t("no_show.default_trigger")
        return meetings.MarkNoShow(meeting_id=self.meeting_id, follow_up=values.follow_up, trigger=trigger)


class HearingDecisionValues(Values):
    outcome = required(CHOICE, "field.hearing_outcome", choices=choices.HEARING_OUTCOMES)
    decided_on = required(DATE, "field.decided_on", default="today", hint="hint.date")
    reasoning = optional(LONG, "field.reasoning", hint="hint.reasoning")


class HearingDecisionForm(ConfirmingDecision[HearingDecisionValues]):
    title_key = "form.hearing_decide"
    values_type = HearingDecisionValues

    def __init__(self, hearing_id: int, context: str) -> None:
        super().__init__(context=context)
        self.hearing_id = hearing_id

    def command(self, values: HearingDecisionValues) -> DecideHearing:
        return DecideHearing(self.hearing_id, values.outcome, values.decided_on, confirmed=self.decision_confirmed,
                             reasoning=values.reasoning or None)
