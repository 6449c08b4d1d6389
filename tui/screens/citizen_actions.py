"""Everything the caseworker records from the citizen screen. Hot paths have their own key
(l contact, h held, x no-show); everything else is `n` (new ...) or `enter` on a timeline row
(what can be done with that item). Every change is one transaction and undoable with `u`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar

from textual.binding import Binding, BindingType

from tui.host import host
from tui.i18n import t
from tui.screens.confirm import ConfirmScreen
from tui.screens.menu import Choice, MenuScreen
from tui.writer import post_write

if TYPE_CHECKING:
    from textual.screen import Screen

    from store import records
    from store.commands.base import Command
    from store.queries.rows import CourseRow
    from store.commands.journal_entries import Deletable
    from store.queries.screen_rows import TimelineEntry
    from tui.citizen_data import CitizenData
    from tui.screens.loading import LoadingScreen

    # The citizen screen's actions, checked as the screen they are mixed into.
    _Screen = LoadingScreen[CitizenData]
else:
    _Screen = object


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


_Row = TypeVar("_Row", bound=_Identified)
_Result = TypeVar("_Result")  # what a screen opened from here returns; nobody waits for it


class CitizenActions(_Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "key.new", id="citizen.new"),
        Binding("l", "log_contact", "key.log_contact", id="citizen.log_contact"),
        Binding("h", "held", "key.held", id="citizen.held"),
        Binding("x", "no_show", "key.no_show", id="citizen.no_show"),
        Binding("e", "edit_citizen", "key.edit_citizen", id="citizen.edit"),
        Binding("delete", "delete_row", "key.delete", id="citizen.delete"),
    ]

    data: CitizenData | None
    citizen_id: int
    timeline_entries: dict[str, TimelineEntry]  # the red thread's row key -> its TimelineEntry

    # -- helpers ---------------------------------------------------------------------------

    def _citizen(self) -> records.Citizen | None:
        return self.data.file.citizen if self.data is not None else None

    def _file(self) -> records.CitizenFile:
        """The citizen's file; only called once the screen has its data."""
        assert self.data is not None
        return self.data.file

    def _person(self) -> records.Citizen:
        """The citizen shown; only called once the screen has its data."""
        citizen = self._citizen()
        assert citizen is not None
        return citizen

    def _selected(self) -> tuple[str, int] | None:
        from tui.widgets.table import SagsTable

        key = self.query_one("#citizen-timeline", SagsTable).current_key()
        if key is None:
            return None
        kind, ref, _ = key.split(":", 2)
        return kind, int(ref)

    def _find(self, rows: Iterable[_Row], ident: int) -> _Row | None:
        return next((r for r in rows if r.id == ident), None)

    def _open(self, screen: Screen[_Result]) -> None:
        self.app.push_screen(screen)

    def _refuse(self, key: str) -> None:
        self.app.notify(t(key), severity="warning")

    def _write(self, label_key: str, command: Command[object]) -> None:
        """A write from a menu: the app's writer runs it and shows a failure as a sentence."""
        post_write(self.app, command, t(label_key))

    def _confirm(self, question: str, then: Callable[[], None]) -> None:
        self.app.push_screen(ConfirmScreen(question), lambda yes: then() if yes else None)

    def _meeting_for_today(self) -> records.Meeting | None:
        """The selected planned meeting, else the first planned one up to today."""
        selected = self._selected()
        if selected and selected[0] == "meeting":
            meeting = self._find(self._file().meetings, selected[1])
            if meeting is not None and meeting.status == "planned":
                return meeting
        today = host(self).clock.today()
        planned = [m for m in self._file().meetings if m.status == "planned" and m.start.date() <= today]
        return min(planned, key=lambda m: m.start, default=None)

    # -- hot keys --------------------------------------------------------------------------

    def action_log_contact(self) -> None:
        from tui.forms.contact import ContactScreen

        if self._citizen():
            self._open(ContactScreen(self.citizen_id, self._person().name))

    def action_held(self) -> None:
        from tui.forms.meeting import HeldForm

        meeting = self._meeting_for_today() if self.data else None
        if meeting is None:
            return self._refuse("citizen.no_meeting_today")
        self._open(HeldForm(meeting.id, self._person().name))

    def action_no_show(self) -> None:
        from tui.forms.meeting import NoShowForm

        meeting = self._meeting_for_today() if self.data else None
        if meeting is None:
            return self._refuse("citizen.no_meeting_today")
        self._open(NoShowForm(meeting.id, self._person().name))

    def action_edit_citizen(self) -> None:
        from tui.forms.citizen import EditCitizenForm

        citizen = self._citizen()
        if citizen:
            self._open(EditCitizenForm(citizen))

    # -- n: new ... ------------------------------------------------------------------------

    def action_new(self) -> None:
        from tui.forms import citizen as cf
        from tui.forms import course, doctor, journal, meeting, plan
        from tui.forms.contact import ContactScreen

        c = self._citizen()
        if c is None:
            return
        open_plan = next((p for p in self._file().plans if p.status == "open"), None)
        choices: list[Choice] = [
            ("m", t("new.meeting"), lambda: self._open(meeting.PlanMeetingForm(c))),
            ("k", t("new.contact"), lambda: self._open(ContactScreen(c.id, c.name))),
            ("n", t("new.note"), lambda: self._open(journal.NoteForm(c))),
            ("o", t("new.task"), lambda: self._open(journal.TaskForm(c))),
            ("f", t("new.absence"), lambda: self._open(journal.AbsenceForm(c))),
            ("l", t("new.doctor"), lambda: self._open(doctor.DoctorOrderForm(c, host(self).clock.today()))),
            ("b", t("new.course"), lambda: self._open(course.CourseOrderForm(c, host(self).clock.today()))),
            ("r", t("new.plan"), lambda: self._open(plan.TeamDateForm(c, open_plan.id if open_plan else None))),
            ("p", t("new.person"), lambda: self._open(plan.PersonForm(c))),
            ("s", t("new.flag"), lambda: self._open(cf.FlagForm(c))),
            ("i", t("new.interval"), lambda: self._open(cf.IntervalForm(c))),
            ("a", t("new.close"), lambda: self._open(cf.CloseCitizenForm(c))),
        ]
        self.app.push_screen(MenuScreen(t("new.title"), choices))

    # -- enter on a timeline row -----------------------------------------------------------

    def row_menu(self) -> None:
        selected = self._selected()
        if selected is None or self.data is None:
            return
        kind, ident = selected
        builder = getattr(self, f"_menu_{kind}", None)
        choices = builder(ident) if builder else []
        choices = self._read_choice(kind, ident) + choices
        if choices:
            self.app.push_screen(MenuScreen(t("timeline." + kind), choices))
        else:
            self._refuse("menu.nothing_to_do")

    def _read_choice(self, kind: str, ident: int) -> list[Choice]:
        """v: read the line's text in full (a note, a summary and agreement, a report …)."""
        from tui.screens.reader import ReaderScreen, reading_for, title_for
        from tui.widgets.table import SagsTable

        key = self.query_one("#citizen-timeline", SagsTable).current_key()
        entry = self.timeline_entries.get(key) if key else None
        if self.data is None:
            return []
        sections = reading_for(self.data, kind, ident, entry)
        if not sections or entry is None:
            return []
        title = title_for(entry, self._person().name)
        return [("v", t("act.read"), lambda: self.app.push_screen(ReaderScreen(title, sections)))]

    def _menu_meeting(self, ident: int) -> list[Choice]:
        from store.commands import meetings
        from tui.forms.meeting import HeldForm, NoShowForm

        m = self._find(self._file().meetings, ident)
        name = self._person().name
        out: list[Choice] = []
        if m is None:
            return out
        if m.status == "planned":
            out += [
                ("h", t("act.held"), lambda: self._open(HeldForm(m.id, name))),
                ("x", t("act.no_show"), lambda: self._open(NoShowForm(m.id, name))),
                ("a", t("act.cancel_meeting"), lambda: self._confirm(
                    t("confirm.cancel_meeting"), lambda: self._write("act.cancel_meeting",
                        meetings.CancelMeeting(meeting_id=m.id)))),
            ]
        if m.status == "no_show":
            out += self._no_show_follow_ups(m.id, name)
        out.append(("s", t("act.delete"), lambda: self._delete_meeting(m.id)))
        return out

    def _no_show_follow_ups(self, meeting_id: int, name: str) -> list[Choice]:
        """A no-show can be followed up later: a hearing, an accepted absence, or a decision."""
        from store.commands.decisions import AcceptAbsence, NoShowToHearing
        from tui.forms.decisions import DecideNoShowForm

        data: CitizenData | None = getattr(self, "data", None)
        file = data.file if data is not None else None
        meeting = self._find(self._file().meetings, meeting_id)
        hearings = [h for h in (file.hearings if file else ()) if h.meeting_id == meeting_id]
        if meeting is None or meeting.absence_accepted or any(h.decided_on is not None for h in hearings):
            return []
        out: list[Choice] = []
        if not hearings:
            out.append(("p", t("act.no_show_hearing"), lambda: self._confirm(
                t("confirm.no_show_hearing"), lambda: self._write("act.no_show_hearing",
                    NoShowToHearing(meeting_id, trigger=t("no_show.default_trigger"))))))
        out += [
            ("g", t("act.no_show_accept"), lambda: self._confirm(
                t("confirm.no_show_accept"), lambda: self._write("act.no_show_accept",
                    AcceptAbsence(meeting_id)))),
            ("f", t("act.no_show_decide"), lambda: self._open(DecideNoShowForm(meeting_id, name))),
        ]
        return out

    def _delete_meeting(self, ident: int) -> None:
        from store.commands import meetings

        self._confirm(t("confirm.delete"), lambda: self._write(
            "act.delete", meetings.DeleteMeeting(meeting_id=ident)))

    def _menu_doctor(self, ident: int) -> list[Choice]:
        from store.commands import doctor
        from tui.forms.doctor import DoctorAnswerForm

        r = self._find(self._file().doctor_requests, ident)
        if r is None:
            return []
        name = self._person().name
        if r.status == "sent":
            # The same letters as the Doctor requests pane (a, r): one key per action.
            return [
                ("a", t("act.answer"), lambda: self._open(DoctorAnswerForm(r.id, name))),
                ("r", t("act.reminder"), lambda: self._write(
                    "act.reminder", doctor.SendReminder(request_id=r.id))),
                ("x", t("act.cancel_request"), lambda: self._confirm(t("confirm.cancel_request"), lambda: self._write(
                    "act.cancel_request", doctor.CancelCertificate(request_id=r.id)))),
            ]
        return []

    _menu_doctor_answer = _menu_doctor

    def _course_row(self, ident: int) -> CourseRow | None:
        from store.queries.rows import CourseRow

        course = self._find(self._file().courses, ident)
        if course is None:
            return None
        c = self._person()
        # The course forms work on the pane's row type; build one from the record.
        return CourseRow(course.id, c.id, c.cpr, c.name, course.supplier_name, course.title, course.start,
                         course.end, course.end, 0, None, ())  # type: ignore[arg-type]

    def _menu_course(self, ident: int) -> list[Choice]:
        from tui.forms import course as cf
        from tui.forms.meeting import PlanMeetingForm

        row = self._course_row(ident)
        if row is None:
            return []
        c, name = self._person(), self._person().name
        # The same letters as the Suppliers pane (i, t, f): one key per action.
        return [
            ("i", t("act.report"), lambda: self._open(cf.ReportForm(row, name))),
            ("t", t("act.three_party"), lambda: self._open(PlanMeetingForm(c, kind="three_party", course_id=row.course_id))),
            ("f", t("act.next_step"), lambda: self._open(cf.NextStepForm(row, name))),
            ("j", t("act.adjust"), lambda: self._open(cf.AdjustCourseForm(row, name))),
            ("s", t("act.stop"), lambda: self._open(cf.StopCourseForm(row, name))),
        ]

    _menu_course_end = _menu_course

    def _menu_report(self, ident: int) -> list[Choice]:
        from store.commands import courses

        return [("l", t("act.report_read"), lambda: self._write(
            "act.report_read", courses.MarkReportRead(report_id=ident)))]

    def _menu_task(self, ident: int) -> list[Choice]:
        from store.commands import journal_entries

        task = self._find(self._file().tasks, ident)
        if task is None:
            return []
        today = None if task.done_on else host(self).clock.today()
        label = "act.task_reopen" if task.done_on else "act.task_done"
        return [("d", t(label), lambda: self._write(
            label, journal_entries.CompleteTask(task_id=ident, done_on=today)))]

    def _menu_network(self, ident: int) -> list[Choice]:
        from tui.forms.plan import EndPersonForm, PersonForm

        person = self._find(self._file().network, ident)
        if person is None:
            return []
        return [
            ("e", t("act.edit"), lambda: self._open(PersonForm(self._person(), person))),
            ("a", t("act.end_person"), lambda: self._open(EndPersonForm(person))),
        ]

    def _menu_hearing(self, ident: int) -> list[Choice]:
        from tui.forms.meeting import HearingDecisionForm

        hearing = self._find(self._file().hearings, ident)
        if hearing is None or hearing.decided_on is not None:
            return []
        return [("a", t("act.decide"), lambda: self._open(HearingDecisionForm(ident, self._person().name)))]

    _menu_hearing_decision = _menu_hearing

    def _menu_plan(self, ident: int) -> list[Choice]:
        from tui.obligations import checklist_title

        from store.commands import plans
        from tui.forms.plan import DecisionForm, TeamDateForm

        plan = self._find(self._file().plans, ident)
        if plan is None:
            return []
        name = self._person().name
        out: list[Choice] = [
            ("t", t("act.team_date"), lambda: self._open(TeamDateForm(self._person(), plan.id))),
            ("b", t("act.decision"), lambda: self._open(DecisionForm(plan.id, name))),
        ]
        for n, item in enumerate(plan.items[:9], start=1):
            mark = "✓" if item.done else "·"
            tick = plans.TickPlanItem(item_id=item.id, done=not item.done)
            out.append((str(n), f"{mark} {checklist_title(item.key)}",
                        lambda tick=tick: self._write("act.tick", tick)))  # type: ignore[misc]
        return out

    def _menu_note(self, ident: int) -> list[Choice]:
        from tui.forms.journal import EditNoteForm

        note = self._find(self._file().notes, ident)
        if note is None:
            return []
        return [
            ("e", t("act.edit"), lambda: self._open(EditNoteForm(note, self._person().name))),
            ("s", t("act.delete"), lambda: self._delete_row("note", ident)),
        ]

    def _menu_contact(self, ident: int) -> list[Choice]:
        return [("s", t("act.delete"), lambda: self._delete_row("contact", ident))]

    def _menu_absence(self, ident: int) -> list[Choice]:
        return [("s", t("act.delete"), lambda: self._delete_row("absence", ident))]

    def _delete_row(self, kind: Deletable, ident: int) -> None:
        from store.commands.journal_entries import DeleteEntry

        self._confirm(t("confirm.delete"), lambda: self._write("act.delete", DeleteEntry(kind=kind, row_id=ident)))

    def action_delete_row(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, ident = selected
        if kind == "meeting":
            self._delete_meeting(ident)
        elif kind in ("note", "contact", "absence"):
            self._delete_row(kind, ident)  # type: ignore[arg-type]  # narrowed by the test above
        else:
            self._refuse("menu.cannot_delete")
