"""The citizen's own forms: create, edit, interval, flag, close. Every write path through its form, opened the way a caseworker opens it (keys from the main
screen, the citizen screen's `n` menu, `enter` on a line of the red thread, a pane's own key),
filled and saved with ctrl+s: the database holds exactly what was typed and the panes agree."""

from __future__ import annotations

from datetime import date

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, fill, new_menu, open_citizen, pane, save_and_close, to_main, type_text,
)


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
