"""Keys typed in a burst (a fast typist, a paste without bracketed paste, tmux send-keys) reach
the widget that would have had them had they come one at a time: two fast tabs move two
fields, and the characters after them land in the field the tabs lead to, in order."""

from __future__ import annotations

from textual import events

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, find_citizen, new_menu, open_citizen


CHARACTERS = {"tab": "\t", "space": " ", "slash": "/", "enter": "\r", "colon": ":"}


def burst(app, keys) -> None:  # type: ignore[no-untyped-def]
    """Hand every key to the driver at once, as a terminal read of several bytes does; Pilot's
    `press` waits for the app to go idle between keys and so never shows the race."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        app._driver.send_message(event)


async def test_two_fast_tabs_move_two_fields(make_app) -> None:
    from tui.forms.citizen import CreateCitizenForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CreateCitizenForm)
        burst(app, ["tab", *"Anna", "tab", "tab", *"12345678"])
        await settle(pilot)
        values = form.raw_values()
        assert values["name"] == "Anna"
        assert values["phone"] == "12345678"
        assert values["first_request"] == form.start["first_request"]


async def test_meeting_form_day_tab_tab_time(make_app, demo_store) -> None:
    from tui.forms.meeting import PlanMeetingForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, find_citizen(demo_store, lambda f: True).citizen.id)
        form = await new_menu(pilot, "m", PlanMeetingForm)
        names = [f.name for f in form.fields]
        first = form.focused.id.removeprefix("field-")
        start = form.raw_values()
        keys = [*"fredag"]
        # From the focused field, two tabs forward, then text.
        keys += ["tab", "tab", *"14"]
        burst(app, keys)
        await settle(pilot)
        values = form.raw_values()
        target = names[names.index(first) + 2]
        assert str(values[target]).endswith("14"), (target, values)
        assert values[names[names.index(first) + 1]] == start[names[names.index(first) + 1]]


async def test_keys_after_a_key_that_opens_a_form_land_in_the_form(make_app) -> None:
    """`n` then the CPR number at once: the digits belong to the new form, not the pane."""
    from tui.forms.citizen import CreateCitizenForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, ["n", *"0101801234", "tab", *"Bo"])
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CreateCitizenForm)
        assert form.raw_values()["cpr"] == "0101801234"
        assert form.raw_values()["name"] == "Bo"


def test_an_escape_inside_a_paste_stays_in_the_paste_in_order() -> None:
    from tui.keyorder import PasteSafeParser

    parser = PasteSafeParser()
    tokens = list(parser.feed("\x1b[200~START-\x1b[31mRED\x1b[0m-END\x1b[201~"))
    assert [type(t).__name__ for t in tokens] == ["Paste"]
    assert tokens[0].text == "START-\x1b[31mRED\x1b[0m-END"
    # The end marker split over two reads, and keys after it.
    tokens = list(parser.feed("\x1b[200~x\x1b[20")) + list(parser.feed("1~y"))
    assert [(type(t).__name__, getattr(t, "text", None) or t.key) for t in tokens] == [("Paste", "x"), ("Key", "y")]


async def test_a_pasted_escape_sequence_is_stored_in_order(make_app, demo_store) -> None:
    from textual.widgets import TextArea

    from tui.keyorder import PasteSafeParser

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cid = find_citizen(demo_store, lambda f: True).citizen.id
        await open_citizen(pilot, cid)
        form = await new_menu(pilot, "n")
        note = next(w for w in form.query(TextArea))
        note.focus()
        await pilot.pause()
        for token in PasteSafeParser().feed("\x1b[200~START-\x1b[31mRED\x1b[0m-END\x1b[201~"):
            app._driver.send_message(token)
        await settle(pilot)
        assert note.text == "START-\x1b[31mRED\x1b[0m-END"
