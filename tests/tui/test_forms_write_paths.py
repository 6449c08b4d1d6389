"""Every write path through its form, opened the way a caseworker opens it (keys from the main
screen, the citizen screen's `n` menu, `enter` on a line of the red thread, a pane's own key),
filled and saved with ctrl+s: the database holds exactly what was typed and the panes agree."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, errors, fill, find_citizen, new_menu, only_new, open_citizen, pane, row_menu, save, save_and_close, select_line, timeline_key, to_main, type_text,
)


# -- 1. happy paths -------------------------------------------------------------------------


def _new_citizen(store) -> int:  # type: ignore[no-untyped-def]
    """A citizen made at the store level, so each citizen-form test starts on its own."""
    from store.commands.citizens import CreateCitizen

    return store.execute(CreateCitizen(cpr="010190-1009", name="Ny Borgersen", first_request=TODAY,
                                       phone="12 34 56 78", interval="2m", preferred_place="home")).value


async def test_citizen_create(make_app, demo_store) -> None:
    from tui.forms.citizen import CreateCitizenForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        caseload = pane(app, "caseload")
        count = caseload.total

        # Main screen `n`: a new citizen, typed key by key.
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CreateCitizenForm)
        assert app.focused is form.query_one("#field-cpr")
        fill(form, cpr="0101901009")
        await pilot.press("tab")
        await type_text(pilot, "Ny Borgersen")
        fill(form, phone="12 34 56 78", interval="2m", preferred_place="home", interpreter_language="arabisk")
        await save_and_close(pilot)
        found = demo_store.caseload(search="Ny Borgersen")
        assert len(found) == 1
        cid = found[0].citizen_id
        c = demo_store.citizen_file(cid).citizen
        assert (c.cpr, c.name, c.first_request, c.phone, c.interval, c.preferred_place, c.interpreter_language) == (
            "010190-1009", "Ny Borgersen", TODAY, "12 34 56 78", "2m", "home", "arabisk")
        assert c.status == "active"
        assert caseload.total == count + 1
        assert str(cid) in [k.value for k in caseload.table.rows]


async def test_citizen_edit(make_app, demo_store) -> None:
    from tui.forms.citizen import EditCitizenForm

    cid = _new_citizen(demo_store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # `e` on the citizen screen: the form shows what is stored; change name and mail.
        screen = await open_citizen(pilot, cid)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditCitizenForm)
        assert form.raw_values()["name"] == "Ny Borgersen" and form.raw_values()["preferred_place"] == "home"
        version = demo_store.citizen_file(cid).citizen.version
        fill(form, name="Ny Borgersen-Hansen", email="ny@example.dk", address="Vejen 1, 8000 Aarhus C")
        await save_and_close(pilot)
        c = demo_store.citizen_file(cid).citizen
        assert (c.name, c.email, c.address, c.phone, c.interval, c.version) == (
            "Ny Borgersen-Hansen", "ny@example.dk", "Vejen 1, 8000 Aarhus C", "12 34 56 78", "2m", version + 1)
        assert "Ny Borgersen-Hansen" in str(screen.query_one("#citizen-summary").render())


async def test_citizen_interval(make_app, demo_store) -> None:
    from tui.forms.citizen import IntervalForm

    cid = _new_citizen(demo_store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, cid)
        form = await new_menu(pilot, "i", IntervalForm)
        assert form.raw_values()["interval"] == "2m"
        fill(form, interval="6 uger")
        await save_and_close(pilot)
        assert demo_store.citizen_file(cid).citizen.interval == "6w"


async def test_citizen_flag(make_app, demo_store) -> None:
    from tui.forms.citizen import FlagForm

    cid = _new_citizen(demo_store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_citizen(pilot, cid)
        form = await new_menu(pilot, "s", FlagForm)
        fill(form, text_="angst: mød hjemme", starts="i dag", ends="31-12-2026")
        await save_and_close(pilot)
        flags = demo_store.citizen_file(cid).citizen.flags
        assert [(f.text, f.starts, f.ends) for f in flags] == [("angst: mød hjemme", TODAY, date(2026, 12, 31))]
        assert "angst: mød hjemme" in str(screen.query_one("#citizen-summary").render())


async def test_citizen_close(make_app, demo_store) -> None:
    from tui.forms.citizen import CloseCitizenForm
    from tui.screens.citizen import CitizenScreen

    cid = _new_citizen(demo_store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        caseload = pane(app, "caseload")
        count = caseload.total
        await open_citizen(pilot, cid)
        # n a: close the case; the citizen leaves the caseload.
        form = await new_menu(pilot, "a", CloseCitizenForm)
        fill(form, outcome="job", note="Fastansat i Netto")
        await save_and_close(pilot)
        c = demo_store.citizen_file(cid).citizen
        assert (c.status, c.outcome, c.closed_on, c.outcome_note) == ("closed", "job", TODAY, "Fastansat i Netto")
        assert isinstance(app.screen, CitizenScreen)
        await to_main(pilot)
        assert caseload.total == count - 1  # the main screen caught up when it was shown again
        assert str(cid) not in [k.value for k in caseload.table.rows]
        assert not demo_store.caseload(search="Ny Borgersen")


def _planned_today(f) -> bool:  # type: ignore[no-untyped-def]
    return any(m.status == "planned" and m.start.date() == TODAY for m in f.meetings)


async def test_meeting_held(make_app, demo_store) -> None:
    """h on the citizen screen: today's meeting is held; the deadline counts from today."""
    from tui.forms.meeting import HeldForm

    first = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, first.citizen.id)
        await pilot.press("h")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HeldForm)
        fill(form, summary="Godt møde", agreement="Søger 5 job om ugen")
        await save_and_close(pilot)
        f = demo_store.citizen_file(first.citizen.id)
        held = [m for m in f.meetings if m.start.date() == TODAY]
        assert [(m.status, m.summary, m.agreement) for m in held] == [("held", "Godt møde", "Søger 5 job om ugen")]
        assert f.citizen.due_base == TODAY


async def test_meeting_planned_then_deleted_after_asking(make_app, demo_store) -> None:
    """n m: plan the next one (tomorrow 10.00, 45 minutes, by video, prepared); the delete key
    on that line asks first: n keeps it, j deletes it."""
    from tui.forms.meeting import PlanMeetingForm
    from tui.screens.confirm import ConfirmScreen

    first = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, first.citizen.id)
        form = await new_menu(pilot, "m", PlanMeetingForm)
        fill(form, day="i morgen", time="10", minutes="45", place="video", kind="follow_up", prepared=True,
             preparation_note="Tjek CV")
        await save_and_close(pilot, through_warnings=True)
        meeting = only_new(first.meetings, demo_store.citizen_file(first.citizen.id).meetings)
        assert (meeting.start, meeting.minutes, meeting.place, meeting.kind, meeting.prepared,
                meeting.preparation_note, meeting.status) == (
            datetime(2026, 11, 24, 10, 0), 45, "video", "follow_up", True, "Tjek CV", "planned")

        select_line(app.screen, "meeting", meeting.id)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert any(m.id == meeting.id for m in demo_store.citizen_file(first.citizen.id).meetings)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert not any(m.id == meeting.id for m in demo_store.citizen_file(first.citizen.id).meetings)
        assert timeline_key(app.screen, "meeting", meeting.id) is None


async def test_no_show_with_the_absence_accepted(make_app, demo_store) -> None:
    """x, accept the absence: no hearing; the form has no default, the caseworker chooses."""
    from tui.forms.meeting import NoShowForm

    second = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, second.citizen.id)
        await pilot.press("x")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NoShowForm) and form.raw_values()["follow_up"] is None
        fill(form, follow_up="accept")
        await save_and_close(pilot)
        f = demo_store.citizen_file(second.citizen.id)
        missed = [m for m in f.meetings if m.start.date() == TODAY]
        assert [(m.status, m.absence_accepted) for m in missed] == [("no_show", True)]
        assert len(f.hearings) == len(second.hearings)


async def test_no_show_to_a_hearing_then_decided_after_asking(make_app, demo_store) -> None:
    """x, start a hearing: reply and decision deadlines; deciding before the reply deadline
    says why and asks, and a second ctrl+s decides."""
    from tui.forms.meeting import HearingDecisionForm

    third = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, third.citizen.id)
        await pilot.press("x")
        await settle(pilot)
        fill(app.screen, follow_up="hearing", trigger="Udeblev uden afbud")
        await save_and_close(pilot)
        f = demo_store.citizen_file(third.citizen.id)
        hearing = only_new(third.hearings, f.hearings)
        missed = next(m for m in f.meetings if m.start.date() == TODAY)
        assert (missed.status, missed.absence_accepted) == ("no_show", False)
        assert (hearing.meeting_id, hearing.trigger, hearing.failure_date, hearing.sent) == (
            missed.id, "Udeblev uden afbud", TODAY, TODAY)
        assert hearing.reply_due > TODAY and hearing.decision_due > TODAY and hearing.decided_on is None

        form = await row_menu(pilot, "hearing", hearing.id, "a")
        assert isinstance(form, HearingDecisionForm)
        fill(form, outcome="no_sanction", decided_on="i dag")
        await save(pilot)
        assert app.screen is form and "kan svare til og med" in errors(form)["decided_on"]
        assert hearing.reply_due.strftime("%d-%m-%Y") in errors(form)["decided_on"]
        await save_and_close(pilot)
        decided = next(h for h in demo_store.citizen_file(third.citizen.id).hearings if h.id == hearing.id)
        assert (decided.outcome, decided.decided_on) == ("no_sanction", TODAY)


async def test_meeting_cancel_and_delete_from_the_row_menu(make_app, demo_store) -> None:
    from tui.screens.confirm import ConfirmScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        f = find_citizen(demo_store, lambda f: any(m.status == "planned" and m.start.date() > TODAY
                                                    for m in f.meetings))
        meeting = next(m for m in f.meetings if m.status == "planned" and m.start.date() > TODAY)
        await open_citizen(pilot, f.citizen.id)
        # enter on the meeting, a: cancel; the question comes first.
        await row_menu(pilot, "meeting", meeting.id, "a")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await settle(pilot)
        now = next(m for m in demo_store.citizen_file(f.citizen.id).meetings if m.id == meeting.id)
        assert now.status == "cancelled"
        # enter on it again, s: delete.
        await row_menu(pilot, "meeting", meeting.id, "s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await settle(pilot)
        assert not any(m.id == meeting.id for m in demo_store.citizen_file(f.citizen.id).meetings)


async def _on_a_citizen(app, pilot, demo_store):  # type: ignore[no-untyped-def]
    await settle(pilot)
    before = find_citizen(demo_store, lambda f: True)
    await open_citizen(pilot, before.citizen.id)
    return before, before.citizen.id


async def test_note_typed_then_edited(make_app, demo_store) -> None:
    """n n: a note, typed; enter on it, e: edit it, the form starting from the stored text."""
    from tui.forms.journal import EditNoteForm, NoteForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before, cid = await _on_a_citizen(app, pilot, demo_store)
        await new_menu(pilot, "n", NoteForm)
        await type_text(pilot, "Om praktik")
        await save_and_close(pilot)
        note = only_new(before.notes, demo_store.citizen_file(cid).notes)
        assert (note.text, note.at) == ("Om praktik", datetime(2026, 11, 23, 8, 0))
        form = await row_menu(pilot, "note", note.id, "e")
        assert isinstance(form, EditNoteForm) and form.raw_values()["text_"] == "Om praktik"
        fill(form, text_="Om praktik.\nAftalt opstart 1/12.")
        await save_and_close(pilot)
        edited = next(n for n in demo_store.citizen_file(cid).notes if n.id == note.id)
        assert (edited.text, edited.version) == ("Om praktik.\nAftalt opstart 1/12.", note.version + 1)


async def test_task_with_a_due_date_then_done(make_app, demo_store) -> None:
    """n o: a task due in three days; enter on it, d: done today."""
    from tui.forms.journal import TaskForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before, cid = await _on_a_citizen(app, pilot, demo_store)
        form = await new_menu(pilot, "o", TaskForm)
        fill(form, title="Send CV til virksomhed", due="+3")
        await save_and_close(pilot)
        task = only_new(before.tasks, demo_store.citizen_file(cid).tasks)
        assert (task.title, task.due, task.done_on, task.citizen_id) == (
            "Send CV til virksomhed", TODAY + timedelta(days=3), None, cid)
        await row_menu(pilot, "task", task.id, "d")
        done = next(t for t in demo_store.citizen_file(cid).tasks if t.id == task.id)
        assert done.done_on == TODAY


async def test_absence(make_app, demo_store) -> None:
    """n f: an absence (holiday, five days); sickness is what the form starts from."""
    from tui.forms.journal import AbsenceForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before, cid = await _on_a_citizen(app, pilot, demo_store)
        form = await new_menu(pilot, "f", AbsenceForm)
        assert form.raw_values()["kind"] == "sickness"
        fill(form, kind="holiday", first_day="i morgen", last_day="28-11-2026", note="Ferie i Spanien")
        await save_and_close(pilot)
        absence = only_new(before.absences, demo_store.citizen_file(cid).absences)
        assert (absence.kind, absence.first_day, absence.last_day, absence.note) == (
            "holiday", date(2026, 11, 24), date(2026, 11, 28), "Ferie i Spanien")


async def test_contact_quick_log(make_app, demo_store) -> None:
    """l: the contact quick-log — s(ms), i(n), n(ot reached), the note, enter; the caseload
    shows the contact as today's."""
    from tui.forms.contact import ContactScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before, cid = await _on_a_citizen(app, pilot, demo_store)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("s", "i", "n")
        await type_text(pilot, "Om tid")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ContactScreen)
        contact = only_new(before.contacts, demo_store.citizen_file(cid).contacts)
        assert (contact.channel, contact.direction, contact.reached, contact.note, contact.at) == (
            "sms", "in", False, "Om tid", datetime(2026, 11, 23, 8, 0))
        await to_main(pilot)
        row = next(r for r in pane(app, "caseload").rows if r.citizen_id == cid)
        assert row.days_since_contact == 0


def _fresh_citizen(store):  # type: ignore[no-untyped-def]
    """A citizen with no course and no open certificate request, for one record's life."""
    return find_citizen(store, lambda f: not f.courses and not any(d.status == "sent" for d in f.doctor_requests))


def _seed_course(store, cid: int) -> int:  # type: ignore[no-untyped-def]
    from store.commands.courses import OrderCourse

    return store.execute(OrderCourse(
        citizen_id=cid, supplier="Virksomhedscentret Øst", title="Praktik i detail", purpose="Afklaring",
        plan="8 timer om ugen", start=TODAY, end=date(2027, 3, 1), report_cadence="1m", three_party_interval="6w",
    )).value


def _seed_request(store, cid: int) -> int:  # type: ignore[no-untyped-def]
    from store.commands.doctor import OrderCertificate

    return store.execute(OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Lægehuset Syd",
                                          sent=date(2026, 11, 20))).value


def _course(store, cid: int, course_id: int):  # type: ignore[no-untyped-def]
    return next(c for c in store.citizen_file(cid).courses if c.id == course_id)


async def test_doctor_order(make_app, demo_store) -> None:
    """n l: LÆ 125 (preselected), sent last Friday: the answer is due 14 days after sending,
    and the doctors pane counts the new request."""
    from tui.forms.doctor import DoctorOrderForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doctors = pane(app, "doctors")
        open_before = doctors.total
        before = _fresh_citizen(demo_store)
        cid = before.citizen.id
        await open_citizen(pilot, cid)
        form = await new_menu(pilot, "l", DoctorOrderForm)
        assert form.raw_values()["form"] == "LÆ 125"
        fill(form, doctor="Lægehuset Syd", questions="Kan borgeren arbejde 10 timer?", sent="20-11-2026")
        await save_and_close(pilot)
        request = only_new(before.doctor_requests, demo_store.citizen_file(cid).doctor_requests)
        assert (request.form, request.doctor, request.questions, request.sent, request.answer_due, request.status) == (
            "LÆ 125", "Lægehuset Syd", "Kan borgeren arbejde 10 timer?", date(2026, 11, 20),
            date(2026, 11, 20) + timedelta(days=14), "sent")
        await to_main(pilot)
        assert doctors.total == open_before + 1


async def test_doctor_reminder_from_the_doctors_pane(make_app, demo_store) -> None:
    """The doctors pane: r sends a reminder for the row under the cursor."""
    cid = _fresh_citizen(demo_store).citizen.id
    request_id = _seed_request(demo_store, cid)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doctors = pane(app, "doctors")
        await pilot.press("4")
        await settle(pilot)
        doctors.table.move_cursor(row=doctors.table.get_row_index(f"r{request_id}"), animate=False)
        await pilot.press("r")
        await settle(pilot)
        reminded = next(d for d in demo_store.citizen_file(cid).doctor_requests if d.id == request_id)
        assert (reminded.reminders, reminded.last_reminder) == (1, TODAY)
        assert next(r for r in doctors.rows if r.request_id == request_id).reminders == 1


async def test_doctor_answer_from_the_red_thread(make_app, demo_store) -> None:
    """enter on the request in the red thread, a: the answer came today; the pane drops it."""
    from tui.forms.doctor import DoctorAnswerForm

    cid = _fresh_citizen(demo_store).citizen.id
    request_id = _seed_request(demo_store, cid)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doctors = pane(app, "doctors")
        open_before = doctors.total
        await open_citizen(pilot, cid)
        form = await row_menu(pilot, "doctor", request_id, "a")
        assert isinstance(form, DoctorAnswerForm)
        fill(form, answer_use="Brugt i indstilling til rehabiliteringsteam")
        await save_and_close(pilot)
        answered = next(d for d in demo_store.citizen_file(cid).doctor_requests if d.id == request_id)
        assert (answered.status, answered.answered, answered.answer_use) == (
            "answered", TODAY, "Brugt i indstilling til rehabiliteringsteam")
        await to_main(pilot)
        assert doctors.total == open_before - 1


async def test_course_order(make_app, demo_store) -> None:
    """n b: a supplier course (a supplier named for the first time)."""
    from tui.forms.course import CourseOrderForm

    before = _fresh_citizen(demo_store)
    cid = before.citizen.id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, cid)
        form = await new_menu(pilot, "b", CourseOrderForm)
        assert form.raw_values()["report_cadence"] == "1m"
        fill(form, supplier="Virksomhedscentret Øst", title="Praktik i detail", purpose="Afklaring",
             plan="8 timer om ugen", start="i dag", end="01-03-2027", three_party_interval="6 uger")
        await save_and_close(pilot)
        course = only_new(before.courses, demo_store.citizen_file(cid).courses)
        assert (course.supplier_name, course.title, course.purpose, course.plan, course.start, course.end,
                course.report_cadence, course.three_party_interval, course.status) == (
            "Virksomhedscentret Øst", "Praktik i detail", "Afklaring", "8 timer om ugen", TODAY, date(2027, 3, 1),
            "1m", "6w", "active")


async def _course_step(make_app, demo_store, key: str, form_type: type, **values: str):  # type: ignore[no-untyped-def]
    """enter on a freshly ordered course in the red thread, `key`, fill the form, save; the
    course as stored afterwards."""
    cid = _fresh_citizen(demo_store).citizen.id
    course_id = _seed_course(demo_store, cid)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, cid)
        form = await row_menu(pilot, "course", course_id, key)
        assert isinstance(form, form_type)
        fill(form, **values)
        await save_and_close(pilot)
    return _course(demo_store, cid, course_id)


async def test_course_report_received(make_app, demo_store) -> None:
    """i: a report received today, with a summary, so read."""
    from tui.forms.course import ReportForm

    course = await _course_step(make_app, demo_store, "i", ReportForm, summary="Godt i gang")
    [report] = course.reports
    assert (report.received, report.read_on, report.summary) == (TODAY, TODAY, "Godt i gang")


async def test_course_adjust(make_app, demo_store) -> None:
    """j: adjust (a later end, a new plan); empty fields leave the rest alone."""
    from tui.forms.course import AdjustCourseForm

    adjusted = await _course_step(make_app, demo_store, "j", AdjustCourseForm, end="01-04-2027", plan="12 timer om ugen")
    assert (adjusted.end, adjusted.plan, adjusted.report_cadence, adjusted.three_party_interval) == (
        date(2027, 4, 1), "12 timer om ugen", "1m", "6w")


async def test_course_next_step(make_app, demo_store) -> None:
    from tui.forms.course import NextStepForm

    course = await _course_step(make_app, demo_store, "f", NextStepForm, next_step="Ordinære timer i Netto")
    assert course.next_step == "Ordinære timer i Netto"


async def test_course_stop(make_app, demo_store) -> None:
    """s: stop it today, with the reason."""
    from tui.forms.course import StopCourseForm

    stopped = await _course_step(make_app, demo_store, "s", StopCourseForm, reason="Borgeren er syg")
    assert (stopped.status, stopped.stop_reason, stopped.end) == ("stopped", "Borgeren er syg", TODAY)


async def test_plan_team_date_ticks_decision_and_people(make_app, demo_store) -> None:
    from tui.forms.plan import DecisionForm, EndPersonForm, PersonForm, TeamDateForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = find_citizen(demo_store, lambda f: not f.plans and not f.network)
        cid = before.citizen.id
        await open_citizen(pilot, cid)

        # n r with no open plan: the team date opens the plan with its checklist.
        form = await new_menu(pilot, "r", TeamDateForm)
        assert form.plan_id is None
        fill(form, team_meeting="15-12-2026")
        await save_and_close(pilot)
        plan = only_new((), demo_store.citizen_file(cid).plans)
        # The checklist comes from the rule profile and includes "borgerens ønsker".
        assert (plan.status, plan.team_meeting, len(plan.items)) == ("open", date(2026, 12, 15), 7)
        assert "citizen_wishes" in [i.key for i in plan.items]
        assert not any(i.done for i in plan.items)

        # enter on the plan, t: move the team date.
        form = await row_menu(pilot, "plan", plan.id, "t")
        assert isinstance(form, TeamDateForm) and form.plan_id == plan.id
        fill(form, team_meeting="uge 2")
        await save_and_close(pilot)
        assert demo_store.citizen_file(cid).plans[0].team_meeting == date(2027, 1, 11)

        # enter, 1 and 3: tick two checklist items.
        await row_menu(pilot, "plan", plan.id, "1")
        await row_menu(pilot, "plan", plan.id, "3")
        items = demo_store.citizen_file(cid).plans[0].items
        assert [(i.done, i.done_on) for i in items] == [
            (True, TODAY), (False, None), (True, TODAY), (False, None), (False, None), (False, None), (False, None)]

        # enter, b: the recommendation and decision.
        form = await row_menu(pilot, "plan", plan.id, "b")
        assert isinstance(form, DecisionForm)
        fill(form, recommendation="fleksjob", decision="Teamet anbefaler fleksjob")
        await save_and_close(pilot)
        decided = demo_store.citizen_file(cid).plans[0]
        assert (decided.status, decided.recommendation, decided.decision, decided.decided_on) == (
            "decided", "fleksjob", "Teamet anbefaler fleksjob", TODAY)

        # n p: a person around the citizen.
        form = await new_menu(pilot, "p", PersonForm)
        fill(form, role="mentor", name="Hanne Mentor", organisation="Mentorhuset", contact="20 30 40 50",
             starts="i dag")
        await save_and_close(pilot)
        person = only_new((), demo_store.citizen_file(cid).network)
        assert (person.role, person.name, person.organisation, person.contact, person.starts, person.ends) == (
            "mentor", "Hanne Mentor", "Mentorhuset", "20 30 40 50", TODAY, None)

        # enter on the person, e: edit (the form starts from what is stored).
        form = await row_menu(pilot, "network", person.id, "e")
        assert isinstance(form, PersonForm) and form.raw_values()["name"] == "Hanne Mentor"
        fill(form, role="social_services", contact="hanne@kommune.dk")
        await save_and_close(pilot)
        edited = demo_store.citizen_file(cid).network[0]
        assert (edited.role, edited.name, edited.contact, edited.starts, edited.version) == (
            "social_services", "Hanne Mentor", "hanne@kommune.dk", TODAY, person.version + 1)

        # enter on the person, a: the connection ends today.
        form = await row_menu(pilot, "network", person.id, "a")
        assert isinstance(form, EndPersonForm)
        await save_and_close(pilot)
        assert demo_store.citizen_file(cid).network[0].ends == TODAY


async def test_person_without_start_date_can_be_ended(make_app, demo_store) -> None:
    from tui.forms.plan import EndPersonForm, PersonForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cid = find_citizen(demo_store, lambda f: not f.network).citizen.id
        await open_citizen(pilot, cid)
        form = await new_menu(pilot, "p", PersonForm)
        fill(form, role="mentor", name="Uden Startdato")
        await save_and_close(pilot)
        person = only_new((), demo_store.citizen_file(cid).network)
        assert timeline_key(app.screen, "network", person.id) is not None, "not in the red thread"
        form = await row_menu(pilot, "network", person.id, "a")
        assert isinstance(form, EndPersonForm)
        await save_and_close(pilot)
        assert demo_store.citizen_file(cid).network[0].ends == TODAY
