"""The rest of the caseworker's day through its forms, opened the way a caseworker opens them
(`enter` on a line of the red thread, then the menu's key), filled and saved with ctrl+s."""

from __future__ import annotations

from datetime import date, datetime

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, fill, find_citizen, only_new, open_citizen, row_menu, save_and_close


def _planned_ahead(f) -> bool:  # type: ignore[no-untyped-def]
    return any(m.status == "planned" and m.start.date() > TODAY for m in f.meetings)


async def test_afbud_then_move_prepare_and_invite_from_the_red_thread(make_app, demo_store) -> None:
    from tui.forms.meeting_day import AfbudForm, InvitationForm, MoveMeetingForm

    before = find_citizen(demo_store, _planned_ahead)
    cid = before.citizen.id
    meeting = next(m for m in before.meetings if m.status == "planned" and m.start.date() > TODAY)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, cid)
        form = await row_menu(pilot, "meeting", meeting.id, "b")
        assert isinstance(form, AfbudForm)
        fill(form, reason="syg barn", follow_up="meeting", day="i morgen", time="13")
        await save_and_close(pilot)
        f = demo_store.citizen_file(cid)
        assert next(m for m in f.meetings if m.id == meeting.id).status == "afbud"
        new = only_new(before.meetings, f.meetings)
        assert (new.status, new.start) == ("planned", datetime(2026, 11, 24, 13))

        form = await row_menu(pilot, "meeting", new.id, "f")
        assert isinstance(form, MoveMeetingForm)
        fill(form, time="14.30", minutes="45", place="home")
        await save_and_close(pilot)
        await row_menu(pilot, "meeting", new.id, "p")
        await settle(pilot)
        form = await row_menu(pilot, "meeting", new.id, "i")
        assert isinstance(form, InvitationForm)
        fill(form, via="sms")
        await save_and_close(pilot)
        moved = next(m for m in demo_store.citizen_file(cid).meetings if m.id == new.id)
        assert (moved.start, moved.minutes, moved.place, moved.prepared) == (datetime(2026, 11, 24, 14, 30), 45, "home", True)
        assert (moved.invited_on, moved.invited_via) == (TODAY, "sms")


async def test_missed_course_day_as_failure_opens_the_las36_hearing(make_app, demo_store) -> None:
    from tui.forms.course_day import MissedDaysForm

    before = find_citizen(demo_store, lambda f: any(c.status == "active" for c in f.courses))
    course = next(c for c in before.courses if c.status == "active")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, before.citizen.id)
        form = await row_menu(pilot, "course", course.id, "m")
        assert isinstance(form, MissedDaysForm)
        fill(form, first_day="20-11-2026", last_day="20-11-2026", outcome="failure", note="mødte ikke op")
        await save_and_close(pilot)
        f = demo_store.citizen_file(before.citizen.id)
        (absence,) = f.course_absences
        hearing = only_new(before.hearings, f.hearings)
        assert (absence.outcome, absence.hearing_id, hearing.rule, hearing.sent) == ("failure", hearing.id, "las36", TODAY)


async def test_hearing_reply_then_decision_with_reasoning(make_app, demo_store) -> None:
    from store.commands import meetings
    from tui.forms.hearing_day import HearingReplyForm
    from tui.forms.meeting import HearingDecisionForm

    who = find_citizen(demo_store, lambda f: not f.hearings)
    mid = demo_store.execute(meetings.PlanMeeting(citizen_id=who.citizen.id, start=datetime(2026, 11, 20, 9))).value
    hid = demo_store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing")).value
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, who.citizen.id)
        form = await row_menu(pilot, "hearing", hid, "r")
        assert isinstance(form, HearingReplyForm)
        fill(form, reply_text="Jeg var indlagt.")
        await save_and_close(pilot)
        # The reply is a new line above the hearing: the cursor stays on the hearing, so enter
        # and a goes on with it (it used to land on the line that took the hearing's place).
        assert app.screen._selected() == ("hearing", hid)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HearingDecisionForm)
        fill(form, outcome="sanction", decided_on="i dag", reasoning="ikke rimelig grund")
        await save_and_close(pilot)
        h = next(h for h in demo_store.citizen_file(who.citizen.id).hearings if h.id == hid)
        assert (h.reply_on, h.reply_text, h.outcome, h.reasoning) == (TODAY, "Jeg var indlagt.", "sanction", "ikke rimelig grund")


async def test_consultation_date_and_report_read_with_summary(make_app, demo_store) -> None:
    from store.commands import courses
    from store.commands.doctor import OrderCertificate
    from tui.forms.certificate import ConsultationForm
    from tui.forms.course_day import ReadReportForm

    who = find_citizen(demo_store, lambda f: any(c.status == "active" for c in f.courses))
    cid = who.citizen.id
    rid = demo_store.execute(OrderCertificate(citizen_id=cid, form="LÆ 265", doctor="Lægehuset", sent=date(2026, 11, 2),
                                              questions="Kan borgeren arbejde?")).value
    course = next(c for c in who.courses if c.status == "active")
    report_id = demo_store.execute(courses.RegisterReport(course_id=course.id, received=date(2026, 11, 22))).value
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, cid)
        form = await row_menu(pilot, "doctor", rid, "k")
        assert isinstance(form, ConsultationForm)
        fill(form, consultation="10-11-2026")
        await save_and_close(pilot)
        assert next(d for d in demo_store.citizen_file(cid).doctor_requests if d.id == rid).answer_due == date(2026, 11, 24)
        thread = {(e.kind, e.ref_id): e.status for e in demo_store.timeline(cid)}
        assert thread[("report", report_id)] == "unread"
        form = await row_menu(pilot, "report", report_id, "l")
        assert isinstance(form, ReadReportForm)
        fill(form, summary="Stabilt fremmøde")
        await save_and_close(pilot)
        report = next(r for c in demo_store.citizen_file(cid).courses for r in c.reports if r.id == report_id)
        assert (report.read_on, report.summary) == (TODAY, "Stabilt fremmøde")


async def test_ordering_a_form_answered_recently_warns_naming_it(make_app, demo_store) -> None:
    from store.commands import doctor
    from tests.tui.form_helpers import new_menu
    from tui.forms.doctor import DoctorOrderForm as OrderForm

    # Nobody with a LÆ 265 on file: the second save is refused for its questions, not warned.
    who = find_citizen(demo_store, lambda f: not any(r.form == "LÆ 265" for r in f.doctor_requests))
    cid = who.citizen.id
    old = demo_store.execute(doctor.OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Dr. Berg", sent=date(2026, 9, 1))).value
    demo_store.execute(doctor.RegisterAnswer(request_id=old, answered=date(2026, 9, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, cid)
        form = await new_menu(pilot, "l", OrderForm)
        form.query_one("#field-form").value = "LÆ 125"  # `form` is also fill()'s own first argument
        fill(form, doctor="Dr. Berg")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "Dr. Berg" in str(form.query_one("#form-warning").render())
        form.query_one("#field-form").value = "LÆ 265"
        form.confirmed_warnings = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "konkrete spørgsmål" in str(form.query_one("#error-questions").render())


async def test_answer_offers_to_close_the_chase_task(make_app, demo_store) -> None:
    from store.commands import doctor, journal_entries
    from tui.forms.doctor import DoctorAnswerForm as AnswerForm
    from tui.screens.confirm import ConfirmScreen

    who = find_citizen(demo_store, lambda f: not any(t.done_on is None for t in f.tasks))
    cid = who.citizen.id
    rid = demo_store.execute(doctor.OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Dr. Berg", sent=date(2026, 11, 2))).value
    chase = demo_store.execute(journal_entries.AddTask(citizen_id=cid, title="Rykke for lægeattest", due=TODAY)).value
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, cid)
        form = await row_menu(pilot, "doctor", rid, "a")
        assert isinstance(form, AnswerForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "Rykke for lægeattest" in app.screen.question
        await pilot.press("j")
        await settle(pilot)
        task = next(t for t in demo_store.citizen_file(cid).tasks if t.id == chase)
        assert task.done_on == TODAY


async def test_a_new_course_offers_the_profiles_report_cadence(make_app, demo_store, monkeypatch) -> None:
    """The cadence a course gets unless agreed otherwise is profile data: a profile with
    another default shows that one in the form (it was "1m" written into the form)."""
    from dataclasses import replace

    from store.rules import Interval, profile_for_history
    from tests.tui.form_helpers import new_menu
    from tui.forms import course

    fortnightly = replace(profile_for_history(TODAY), default_report_cadence=Interval(weeks=2))
    monkeypatch.setattr(course, "profile_for_history", lambda day: fortnightly)
    who = find_citizen(demo_store, lambda f: True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, who.citizen.id)
        form = await new_menu(pilot, "b", course.CourseOrderForm)
        assert form.raw_values()["report_cadence"] == str(Interval(weeks=2))
