"""The journal: a note, a task, an absence, a contact. Every write path through its form, opened the way a caseworker opens it (keys from the main
screen, the citizen screen's `n` menu, `enter` on a line of the red thread, a pane's own key),
filled and saved with ctrl+s: the database holds exactly what was typed and the panes agree."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, fill, find_citizen, new_menu, only_new, open_citizen, pane, row_menu, save_and_close, to_main, type_text,
)


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
