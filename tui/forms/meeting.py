"""Meetings: plan (warning on an overlap or a closed day), mark held, mark no-show (accept the
absence, or start a hearing with its reply and decision deadlines)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from store.commands import meetings
from store.commands.base import Command
from store.commands.decisions import DecideHearing
from tui.forms.decisions import ConfirmingDecision
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field
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

class PlanMeetingForm(FormScreen):
    title_key = "form.meeting_plan"
    fields = (
        Field("day", "field.date", "date", required=True, hint="hint.date", future=True),
        Field("time", "field.time", "time", required=True, hint="hint.time"),
        Field("minutes", "field.minutes", "minutes", required=True, default="60", hint="hint.minutes"),
        Field("place", "field.place", "choice", required=True, choices=choices.PLACES, default="jobcentre"),
        Field("place_detail", "field.place_detail", limit=300),
        Field("kind", "field.kind", "choice", required=True, choices=choices.MEETING_KINDS, default="job"),
        Field("prepared", "field.prepared", "bool"),
        Field("preparation_note", "field.preparation_note", "long"),
    )

    def __init__(self, citizen: MeetingCitizen, *, kind: str = "job", course_id: int | None = None) -> None:
        place = citizen.preferred_place or ("supplier" if course_id else "jobcentre")
        super().__init__(context=citizen.name, initial={"kind": kind, "place": place})
        self.citizen = citizen
        self.course_id = course_id

    def _start(self, values: dict[str, Any]) -> datetime:
        return datetime.combine(values["day"], values["time"])

    def warnings(self, store: Store, values: dict[str, Any]) -> list[str]:
        found = store.meeting_warnings(self._start(values), values["minutes"])
        out = []
        if found.overlaps:
            # Name the other meeting(s): whom, and when, so the caseworker can decide at once.
            day = store.agenda(values["day"]).meetings
            others = [m for m in day if m.meeting_id in found.overlaps]
            for m in others:
                end = m.start + timedelta(minutes=m.minutes)
                out.append(t("warn.overlap_with", who=clean(m.citizen_name, limit=60),
                             when=f"{dates.fmt_time(m.start)}–{dates.fmt_time(end)}"))
            if len(others) < len(found.overlaps):
                out.append(t("warn.overlap", n=len(found.overlaps) - len(others)))
        if found.closed_day:
            out.append(t("warn.closed_day", day=dates.fmt_day(values["day"])))
        return out

    def form_when(self, values: dict[str, Any]) -> str:
        if "day" not in values or "time" not in values:
            return ""
        return f"{dates.fmt_day(values['day'])} {dates.fmt_time(self._start(values))}"

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return meetings.PlanMeeting(
            citizen_id=self.citizen.id, start=self._start(values), minutes=values["minutes"], place=values["place"],
            kind=values["kind"], place_detail=values["place_detail"], prepared=bool(values["prepared"]),
            preparation_note=values["preparation_note"], course_id=self.course_id)


class HeldForm(FormScreen):
    title_key = "form.meeting_held"
    fields = (
        Field("summary", "field.summary", "long"),
        Field("agreement", "field.agreement", "long"),
    )

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return meetings.MarkHeld(meeting_id=self.meeting_id, summary=values["summary"], agreement=values["agreement"])


class NoShowForm(FormScreen):
    title_key = "form.meeting_no_show"
    fields = (
        Field("follow_up", "field.follow_up", "choice", required=True, choices=choices.NO_SHOW_FOLLOW_UPS,
              ),  # no default: the caseworker chooses (a hearing is not a given)
        Field("trigger", "field.trigger", limit=500, hint="hint.trigger"),
    )

    def __init__(self, meeting_id: int, context: str) -> None:
        super().__init__(context=context)
        self.meeting_id = meeting_id

    def command(self, values: dict[str, Any]) -> Command[Any]:
        trigger = values.get("trigger") or t("no_show.default_trigger")
        return meetings.MarkNoShow(meeting_id=self.meeting_id, follow_up=values["follow_up"], trigger=trigger)


class HearingDecisionForm(ConfirmingDecision, FormScreen):
    title_key = "form.hearing_decide"
    fields = (
        Field("outcome", "field.hearing_outcome", "choice", required=True, choices=choices.HEARING_OUTCOMES),
        Field("decided_on", "field.decided_on", "date", required=True, default="today", hint="hint.date"),
        Field("reasoning", "field.reasoning", "long", hint="hint.reasoning"),
    )

    def __init__(self, hearing_id: int, context: str) -> None:
        super().__init__(context=context)
        self.hearing_id = hearing_id

    def typed(self, values: dict[str, Any]) -> Command[Any]:
        return DecideHearing(self.hearing_id, values["outcome"], values["decided_on"], confirmed=self.decision_confirmed,
                             reasoning=values["reasoning"] or None)
