"""A certificate request and a supplier course through their lives, one write per test. Every write path through its form, opened the way a caseworker opens it (keys from the main
screen, the citizen screen's `n` menu, `enter` on a line of the red thread, a pane's own key),
filled and saved with ctrl+s: the database holds exactly what was typed and the panes agree."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, fill, find_citizen, new_menu, only_new, open_citizen, pane, row_menu, save_and_close, to_main,
)


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
