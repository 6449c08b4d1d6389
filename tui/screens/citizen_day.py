"""The rest of the caseworker's day on the citizen screen. A mixin placed before CitizenActions:
each `_menu_<kind>` here adds its choices to the row menu `enter` opens (calling the one it
extends), and the kinds the red thread gained (missed course days, a hearing's reply, the
plan's preparation deadline, a sparring note) get menus of their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store.queries.rows import AgendaMeeting
from tui.i18n import t
from tui.screens.menu import Choice
from tui.writer import post_write

if TYPE_CHECKING:
    from textual.app import App

    from store.commands.base import Command
    from store.records import Meeting
    from tui.screens.citizen_actions import CitizenActions

    # Checked as the actions it extends, on the screen they are mixed into.
    _Actions = CitizenActions
else:
    _Actions = object


def meeting_choices(app: App[None], meeting: Meeting | AgendaMeeting, name: str,
                    write: Callable[[Command[object]], None]) -> list[Choice]:
    """Afbud, move, prepared, indkaldelse and the invitation text of a planned meeting; shared
    by the citizen screen's red thread and the Today pane. `meeting` needs an id (or
    meeting_id), start, minutes, place, place_detail and prepared."""
    from store.commands.meeting_day import SetPrepared
    from tui.forms.meeting_day import AfbudForm, InvitationForm, MoveMeetingForm
    from tui.screens.invitation import InvitationScreen

    ident = meeting.meeting_id if isinstance(meeting, AgendaMeeting) else meeting.id
    flip = SetPrepared(meeting_id=ident, prepared=not meeting.prepared)
    return [
        ("b", t("act.afbud"), lambda: app.push_screen(AfbudForm(ident, name))),
        ("f", t("act.move"), lambda: app.push_screen(MoveMeetingForm(meeting, name))),
        ("p", t("act.unprepared" if meeting.prepared else "act.prepared"), lambda: write(flip)),
        ("i", t("act.invited"), lambda: app.push_screen(InvitationForm(ident, name))),
        ("k", t("act.copy_invitation"), lambda: app.push_screen(InvitationScreen(meeting, name))),
    ]



class CitizenDay(_Actions):
    def _day_name(self) -> str:
        return self._person().name

    def _menu_meeting(self, ident: int) -> list[Choice]:
        out: list[Choice] = super()._menu_meeting(ident)
        m = self._find(self._file().meetings, ident)
        if m is not None and m.status == "planned":
            out = meeting_choices(self.app, m, self._day_name(), lambda c: post_write(self.app, c)) + out
        return out

    def _menu_doctor(self, ident: int) -> list[Choice]:
        from tui.forms.certificate import ConsultationForm

        r = self._find(self._file().doctor_requests, ident)
        out: list[Choice] = super()._menu_doctor(ident)
        if r is None or r.status != "sent":
            return out
        name = self._day_name()
        return out + [("k", t("act.consultation"), lambda: self.app.push_screen(ConsultationForm(r.id, name)))]

    _menu_doctor_answer = _menu_doctor

    def _menu_course(self, ident: int) -> list[Choice]:
        from tui.forms.course_day import CourseTypeForm, MissedDaysForm

        out: list[Choice] = super()._menu_course(ident)
        course = self._find(self._file().courses, ident)
        if course is None:
            return out
        name = self._day_name()
        return out + [
            ("m", t("act.missed_days"), lambda: self.app.push_screen(MissedDaysForm(course.id, name))),
            ("y", t("act.course_type"), lambda: self.app.push_screen(CourseTypeForm(course, name))),
        ]

    _menu_course_end = _menu_course

    def _menu_report(self, ident: int) -> list[Choice]:
        from tui.forms.course_day import ReadReportForm

        report = next((r for c in self._file().courses for r in c.reports if r.id == ident), None)
        if report is None:
            return []
        return [("l", t("act.report_read"), lambda: self.app.push_screen(ReadReportForm(report, self._day_name())))]

    def _menu_hearing(self, ident: int) -> list[Choice]:
        from tui.forms.hearing_day import GuidanceForm, HearingContactForm, HearingReplyForm
        from tui.forms.meeting import HearingDecisionForm

        hearing = self._find(self._file().hearings, ident)
        if hearing is None or hearing.decided_on is not None:
            return []
        name = self._day_name()
        return [
            ("g", t("act.guidance"), lambda: self.app.push_screen(GuidanceForm(ident, name))),
            ("k", t("act.hearing_contact"), lambda: self.app.push_screen(HearingContactForm(ident, name))),
            ("r", t("act.hearing_reply"), lambda: self.app.push_screen(HearingReplyForm(ident, name))),
            ("a", t("act.decide"), lambda: self.app.push_screen(HearingDecisionForm(ident, name))),
        ]

    _menu_hearing_decision = _menu_hearing
    _menu_hearing_reply = _menu_hearing

    def _menu_course_absence(self, ident: int) -> list[Choice]:
        absence = next((a for a in self._file().course_absences if a.id == ident), None)
        if absence is None or absence.hearing_id is None:
            return []
        return self._menu_hearing(absence.hearing_id)

    def _menu_plan_prep(self, ident: int) -> list[Choice]:
        return self._menu_plan(ident)

    def _menu_sparring(self, ident: int) -> list[Choice]:
        return [("d", t("act.sparring_note"), self.action_sparring_note)]

    def action_sparring_note(self) -> None:
        from tui.forms.sparring_note import SparringNoteForm

        if self.data is not None:
            self.app.push_screen(SparringNoteForm(self.data.file.citizen.id, self._day_name()))
