"""Recording the day from the keyboard: each save is one transaction, every pane agrees at
once, `u` takes it back, and bad input is explained beside the field with nothing lost."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import TODAY
from tests.app_helpers import settle
from tui.panes.base import Pane


def pane(app, pane_id: str) -> Pane:  # type: ignore[no-untyped-def]
    return app.get_screen_stack_pane(pane_id) if hasattr(app, "get_screen_stack_pane") else app.screen_stack[0].query_one(f"#pane-{pane_id}", Pane)


async def open_plan_form(pilot):  # type: ignore[no-untyped-def]
    """The plan-meeting form for the worst citizen of the Meetings due pane."""
    from tui.forms.meeting import PlanMeetingForm

    await settle(pilot)
    await pilot.press("3", "p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PlanMeetingForm)
    return pilot.app.screen


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_a_caseworkers_morning(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        # Every overdue obligation sits above the day's meetings: row 0 is the worst of them.
        first = today.rows[0]
        meetings_today = [r for r in today.rows if hasattr(r, "meeting_id") and r.status == "planned"]
        held, second = meetings_today[0], meetings_today[1]

        # 1. Log a call: three keys plus the text.
        await pilot.press("1", "l", "t", "u", "j")
        await type_text(pilot, "Aftalt praktik")
        await pilot.press("enter")
        await settle(pilot)
        contacts = demo_store.citizen_file(first.citizen_id).contacts
        assert any(c.note == "Aftalt praktik" and c.channel == "phone" and c.direction == "out" and c.reached
                   for c in contacts)
        row = next(r for r in pane(app, "caseload").rows if r.citizen_id == first.citizen_id)
        assert row.days_since_contact == 0

        # 2. Mark today's first meeting held: its deadline moves by the interval at once.
        before = demo_store.citizen_record(held.citizen_id)
        await pilot.press("1", "g")
        for _ in range([today.row_key(r) for r in today.rows].index(today.row_key(held))):
            await pilot.press("j")
        await pilot.press("h")
        await type_text(pilot, "Godt møde")
        await pilot.press("ctrl+s")
        await settle(pilot)
        after = demo_store.citizen_record(held.citizen_id)
        assert after.due_base == TODAY and after.next_due > before.next_due
        assert after.next_due >= TODAY + timedelta(days=25)
        shown = next(r for r in pane(app, "deadlines").rows + pane(app, "caseload").rows
                     if r.citizen_id == held.citizen_id)
        assert getattr(shown, "due", None) == after.next_due or getattr(shown, "next_due", None) == after.next_due

        # 3. A no-show, and a hearing with its reply and decision deadlines.
        table = today.table
        table.move_cursor(row=[today.row_key(r) for r in today.rows].index(today.row_key(second)))
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#field-follow_up").value = "hearing"  # chosen: the dialog has no default
        await pilot.press("ctrl+s")
        await settle(pilot)
        hearings = demo_store.citizen_file(second.citizen_id).hearings
        open_hearing = [h for h in hearings if h.meeting_id == second.meeting_id]
        assert open_hearing and open_hearing[0].reply_due > TODAY and open_hearing[0].decision_due > TODAY
        assert any(getattr(r, "meeting_id", None) == second.meeting_id and r.status == "no_show" for r in today.rows)

        # 4. Order an LÆ 125 from the citizen screen: answer due in 14 days.
        doctors_before = pane(app, "doctors").total
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", "l")
        await pilot.pause()
        await pilot.press("tab")  # from the form choice (LÆ 125 preselected) to the doctor
        await type_text(pilot, "Lægehuset Nord")
        await pilot.press("ctrl+s")
        await settle(pilot)
        requests = demo_store.citizen_file(second.citizen_id).doctor_requests
        lae = [r for r in requests if r.doctor == "Lægehuset Nord"]
        assert lae and lae[0].form == "LÆ 125" and lae[0].answer_due == TODAY + timedelta(days=14)
        await pilot.press("escape")
        await settle(pilot)
        assert pane(app, "doctors").total == doctors_before + 1

        # 5. Register a late progress report from the Suppliers pane.
        suppliers = pane(app, "suppliers")
        late = next(r for r in suppliers.rows if "report_missing" in r.reasons)
        await pilot.press("5")
        suppliers.table.move_cursor(row=[suppliers.row_key(r) for r in suppliers.rows].index(suppliers.row_key(late)))
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        still = [r for r in suppliers.rows if r.course_id == late.course_id]
        assert not still or "report_missing" not in still[0].reasons

        # 6. Undo the last two steps: the report and the certificate request are gone again.
        # Each `u` first says what it will undo; the second `u` does it.
        for _ in range(2):
            await pilot.press("u")
            await settle(pilot)
            await pilot.press("u")
            await settle(pilot)
        assert not [r for r in demo_store.citizen_file(second.citizen_id).doctor_requests if r.doctor == "Lægehuset Nord"]
        assert pane(app, "doctors").total == doctors_before
        back = [r for r in suppliers.rows if r.course_id == late.course_id]
        assert back and "report_missing" in back[0].reasons
        # ... and the earlier steps stand.
        assert demo_store.citizen_record(held.citizen_id).due_base == TODAY


async def test_bad_date_is_explained_beside_the_field_and_nothing_is_lost(make_app, demo_store) -> None:
    from tui.forms.meeting import PlanMeetingForm

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_plan_form(pilot)
        form = app.screen
        assert isinstance(form, PlanMeetingForm)
        cid = form.citizen.id
        meetings_before = len(demo_store.citizen_file(cid).meetings)
        await type_text(pilot, "31-02-2026")
        await pilot.press("tab")
        await type_text(pilot, "kl. 25")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        date_error = str(form.query_one("#error-day").render())
        time_error = str(form.query_one("#error-time").render())
        assert "findes ikke" in date_error and "Fx" in date_error
        assert "0–23" in time_error
        assert form.raw_values()["day"] == "31-02-2026" and form.raw_values()["time"] == "kl. 25"
        assert len(demo_store.citizen_file(cid).meetings) == meetings_before
        # Fix it and save: the meeting is written.
        form.query_one("#field-day").value = "i morgen"
        form.query_one("#field-time").value = "9.30"
        await pilot.press("ctrl+s")
        await settle(pilot)
        meetings = demo_store.citizen_file(cid).meetings
        assert len(meetings) == meetings_before + 1
        assert any(m.start.date() == TODAY + timedelta(days=1) and (m.start.hour, m.start.minute) == (9, 30)
                   for m in meetings)


async def test_escape_asks_before_throwing_away_typed_text(make_app) -> None:
    from tui.forms.meeting import PlanMeetingForm
    from tui.screens.confirm import ConfirmScreen

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_plan_form(pilot)
        await type_text(pilot, "24-12")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, PlanMeetingForm)
        assert app.screen.raw_values()["day"] == "24-12"
        await pilot.press("escape", "j")
        assert type(app.screen).__name__ == "MainScreen"


async def test_closed_day_and_overlap_warn_before_saving(make_app, demo_store) -> None:

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_plan_form(pilot)
        form = app.screen
        form.query_one("#field-day").value = "24-12-2026"
        form.query_one("#field-time").value = "10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "lukkedag" in str(form.query_one("#form-warning").render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form


async def test_hostile_text_is_stored_exactly_and_shown_harmlessly(make_app, demo_store) -> None:
    from tui.forms.journal import NoteForm

    hostile = "[bold]fed[/] \x1b[31mrød\x1b[0m \u202eevil\u202c 👩‍👩‍👧 " + "x" * 100_000
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        cid = app.screen.citizen_id
        await pilot.press("n", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoteForm)
        form.query_one("#field-text_").text = hostile
        await pilot.press("ctrl+s")
        await settle(pilot)
        notes = demo_store.citizen_file(cid).notes
        assert any(n.text == hostile for n in notes)
        shown = app.screen.query_one("#citizen-timeline")
        cells = [str(c) for i in range(shown.row_count) for c in shown.get_row_at(i)]
        assert any("[bold]fed[/]" in c for c in cells)
        assert not any("\x1b" in c or "\u202e" in c for c in cells)


async def test_undo_goes_back_twenty_steps_including_deletions(make_app, demo_store) -> None:
    from store.commands import journal_entries

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        cid = pane(app, "caseload").rows[0].citizen_id
        start = len(demo_store.citizen_file(cid).notes)
        from datetime import datetime

        ids = [demo_store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 8, i), text_=f"n{i}")).value
               for i in range(20)]

        demo_store.execute(journal_entries.DeleteEntry(kind="note", row_id=ids[0]))
        assert len(demo_store.citizen_file(cid).notes) == start + 19
        await pilot.press("u")  # says what it will undo
        await settle(pilot)
        await pilot.press("u")  # and undoes on the second u
        await settle(pilot)
        assert len(demo_store.citizen_file(cid).notes) == start + 20
        for _ in range(20):
            await pilot.press("u")
            await settle(pilot)
            await pilot.press("u")
            await settle(pilot)
        assert len(demo_store.citizen_file(cid).notes) == start


async def test_read_only_refuses_writes_with_a_sentence(make_app, demo_store) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        cid = pane(app, "today").rows[0].citizen_id
        before = len(demo_store.citizen_file(cid).contacts)
        await pilot.press("1", "l", "t", "u", "j", "enter")
        await settle(pilot)
        assert len(demo_store.citizen_file(cid).contacts) == before


async def test_fast_typing_then_ctrl_s_saves_every_character(make_app, demo_store) -> None:
    """ctrl+s waits behind the keys typed before it, and "?" in a text field is just a "?"."""
    from tui.forms.journal import NoteForm

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        cid = app.screen.citizen_id
        await pilot.press("n", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteForm)
        # All keys queued at once, as a terminal delivers a fast typist or a paste.
        from textual import events

        for ch in "Ring tilbage?":
            key = {" ": "space", "?": "question_mark"}.get(ch, ch)
            app.post_message(events.Key(key, ch))
        app.post_message(events.Key("ctrl+s", None))
        await settle(pilot)
        assert any(n.text == "Ring tilbage?" for n in demo_store.citizen_file(cid).notes)
