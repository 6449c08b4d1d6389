"""Forms show what they understood: the resolved date beside a date field as it is typed, a
future date suggested for a meeting planned in the past, and the overlap warning names the
other meeting."""

from __future__ import annotations

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, error, fill, find_citizen, new_menu, open_citizen, save, type_text


async def _plan_form(pilot, demo_store):  # type: ignore[no-untyped-def]
    from tui.forms.meeting import PlanMeetingForm

    await settle(pilot)
    await open_citizen(pilot, find_citizen(demo_store, lambda f: True).citizen.id)
    return await new_menu(pilot, "m", PlanMeetingForm)


async def test_a_date_field_shows_the_day_it_understood(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _plan_form(pilot, demo_store)
        day = form.query_one("#field-day")
        day.focus()
        await type_text(pilot, "tirsdag")
        await pilot.pause()
        assert day.border_subtitle == "tir 24-11-2026"
        day.value = "uge 50"
        await pilot.pause()
        assert day.border_subtitle == "man 07-12-2026"
        day.value = "tirsd"
        await pilot.pause()
        assert day.border_subtitle == "?"


async def test_a_meeting_in_the_past_is_refused_with_a_future_date_suggested(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _plan_form(pilot, demo_store)
        fill(form, day="20-11-2026", time="10")  # the Friday before TODAY (Monday 23-11-2026)
        await save(pilot)
        assert app.screen is form
        assert "Mente du fre 27-11-2026?" in error(form, "day")


async def test_the_overlap_warning_names_the_other_meeting(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first = demo_store.agenda(TODAY).meetings[0]
        form = await _plan_form(pilot, demo_store)
        fill(form, day="i dag", time=first.start.strftime("%H.%M"), minutes="15")
        await save(pilot)
        warning = str(form.query_one("#form-warning").render())
        assert first.citizen_name in warning and first.start.strftime("%H.%M") in warning
