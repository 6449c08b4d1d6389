"""What caseworkers type: the date formats all land on the right day, and text of any kind is
stored exactly (an unedited stored text even keeps its odd line separators)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, fill, find_citizen, new_menu, only_new, open_citizen, pane, save, save_and_close,
)


# -- 3. the dates caseworkers type ------------------------------------------------------------

TYPED_DATES = (  # today is Monday 23-11-2026
    ("24-12-2026", date(2026, 12, 24)),
    ("24.12.26", date(2026, 12, 24)),
    ("24/12", date(2026, 12, 24)),
    ("i dag", TODAY),
    ("i morgen", date(2026, 11, 24)),
    ("+3", date(2026, 11, 26)),
    ("tirsdag", date(2026, 11, 24)),
    ("man", date(2026, 11, 30)),  # naming today's weekday means next week
    ("uge 52", date(2026, 12, 21)),
)


async def test_typed_dates_land_on_the_right_day(make_app, demo_store) -> None:
    from tui.forms.meeting import PlanMeetingForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cid = find_citizen(demo_store, lambda f: True).citizen.id
        await open_citizen(pilot, cid)
        for n, (typed, expected) in enumerate(TYPED_DATES):
            known = demo_store.citizen_file(cid).meetings
            form = await new_menu(pilot, "m", PlanMeetingForm)
            # Six in the morning, five minutes each: no overlap with the day's meetings to warn about.
            fill(form, day=typed, time=f"6.{5 * n:02d}", minutes="5")
            if expected == date(2026, 12, 24):
                # Christmas Eve: the jobcentre is closed; the form warns and waits for a second ctrl+s.
                await save(pilot)
                assert app.screen is form
                assert "lukkedag" in str(form.query_one("#form-warning").render())
                assert len(demo_store.citizen_file(cid).meetings) == len(known)
            await save_and_close(pilot, through_warnings=True)
            meeting = only_new(known, demo_store.citizen_file(cid).meetings)
            assert meeting.start == datetime(expected.year, expected.month, expected.day, 6, 5 * n), typed


# -- 4. any text is stored exactly -------------------------------------------------------------

# What a paste can bring: markup, escape sequences, bidi overrides, zero-width and joined emoji.
FRAGMENTS = ("[bold]", "[/]", "[red]x[/red]", "[link=https://x.dk]her[/link]", "\x1b[31m", "\x1b]8;;x\x07",
             "\x00", "\t", "\x7f", "\x1f", "\u202e", "\u200b", "👩‍👩‍👧", "🙂", "æøå ÆØÅ", "\\", "{name}", "%s", "<b>")
# str.splitlines() boundaries: a TextArea turns each into its newline (see the xfail test below).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@pytest.fixture
async def citizen_form_pilot(make_app, demo_store):  # type: ignore[no-untyped-def]
    """One app for all Hypothesis examples: starting one per example would cost a second each."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, find_citizen(demo_store, lambda f: True).citizen.id)
        yield pilot


def hostile_text():  # type: ignore[no-untyped-def]
    from hypothesis import strategies as st

    plain = st.text(st.characters(exclude_categories=("Cs",), exclude_characters=LINE_BREAKS), max_size=12)
    return (st.lists(st.one_of(st.sampled_from(FRAGMENTS), plain), min_size=1, max_size=8)
            .map("".join).filter(lambda s: s.strip() and len(s) <= 300))


def _hypothesis(test):  # type: ignore[no-untyped-def]
    from hypothesis import HealthCheck, given, settings

    return settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])(
        given(text=hostile_text())(test))


@_hypothesis
async def test_any_text_is_stored_exactly(citizen_form_pilot, demo_store, text) -> None:  # type: ignore[no-untyped-def]
    """One-line fields (Input) and long ones (TextArea) alike, through the certificate form."""
    from tui.forms.doctor import DoctorOrderForm

    pilot = citizen_form_pilot
    cid = pilot.app.screen.citizen_id
    known = demo_store.citizen_file(cid).doctor_requests
    form = await new_menu(pilot, "l", DoctorOrderForm)
    long = f"{text}\n\n{text}\n"
    fill(form, doctor=text, questions=long)
    await save_and_close(pilot)
    request = only_new(known, demo_store.citizen_file(cid).doctor_requests)
    assert (request.doctor, request.questions) == (text, long)


@pytest.mark.xfail(strict=True, reason="a long-text field (Textual TextArea) rewrites line separators: \\f, \\v, "
                   "\\x85, U+2028 become newlines and mixed CRLF/LF are unified, so the text is not stored as pasted")
async def test_long_text_keeps_its_line_separators(make_app, demo_store) -> None:
    from tui.forms.journal import NoteForm

    pasted = "Side 1\x0cSide 2\r\nlinje 2\nlinje 3\u2028linje 4\x0bslut"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = find_citizen(demo_store, lambda f: True)
        await open_citizen(pilot, before.citizen.id)
        form = await new_menu(pilot, "n", NoteForm)
        fill(form, text_=pasted)
        await save_and_close(pilot)
        note = only_new(before.notes, demo_store.citizen_file(before.citizen.id).notes)
        assert note.text == pasted


async def test_an_unedited_long_text_is_saved_exactly_as_stored(make_app, demo_store) -> None:
    """Editing a note that holds other line separators (imported, pasted before) and saving it
    unchanged keeps every separator; only what the caseworker edits is normalised."""
    from datetime import datetime

    from store.commands import journal_entries
    from tui.forms.journal import EditNoteForm

    odd = "første\r\nanden\x85tredje\u2028fjerde\x0cfemte"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cid = pane(app, "caseload").rows[0].citizen_id
        note_id = demo_store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 8), text_=odd)).value
        note = next(n for n in demo_store.citizen_file(cid).notes if n.id == note_id)
        app.push_screen(EditNoteForm(note, "x"))
        await settle(pilot)
        await save_and_close(pilot)
        assert next(n for n in demo_store.citizen_file(cid).notes if n.id == note_id).text == odd
