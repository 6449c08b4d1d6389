"""Bad input is explained beside the field, in the user's language and with an example, and
nothing is written; a failed modulus-11 check only warns."""

from __future__ import annotations


from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, error, errors, fill, find_citizen, new_menu, open_citizen, pane, row_menu, save, save_and_close, to_main,
)


# -- 2. validation --------------------------------------------------------------------------


async def test_refusals_are_explained_beside_the_field_and_nothing_is_written(make_app, demo_store) -> None:
    from tui.forms.citizen import CreateCitizenForm
    from tui.forms.journal import AbsenceForm
    from tui.forms.meeting import HeldForm, PlanMeetingForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        caseload = pane(app, "caseload")
        count = demo_store.count_caseload()
        existing = demo_store.citizen_file(caseload.rows[0].citizen_id).citizen
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CreateCitizenForm)

        # Nothing typed: the required fields say so, with an example where there is a format.
        fill(form, first_request="")
        await save(pilot)
        assert app.screen is form
        assert set(errors(form)) == {"cpr", "name", "first_request"}
        assert error(form, "name") == "Skal udfyldes."
        assert "Skal udfyldes, fx" in error(form, "cpr") and "010190-1234" in error(form, "cpr")
        assert "Skal udfyldes, fx 24-12-2026" in error(form, "first_request")

        # Everything wrong at once: every field says what is wrong and shows one that works.
        typed = {"cpr": "12345", "name": "Test", "first_request": "31-02-2026", "phone": "12ab",
                 "interval": "3 æbler"}
        fill(form, **typed)
        await save(pilot)
        assert app.screen is form
        assert set(errors(form)) == {"cpr", "first_request", "phone", "interval"}
        assert error(form, "cpr") == "Et CPR-nummer er 10 cifre: DDMMÅÅ-SSSS. Fx: 241290-1234"
        assert error(form, "first_request") == "Den dato findes ikke. Fx: 28-02-2026"
        assert error(form, "phone") == "Telefonnummeret kan ikke læses. Fx: 12 34 56 78"
        assert error(form, "interval").startswith("Intervallet kan ikke læses. Fx:")
        assert {k: form.raw_values()[k] for k in typed} == typed  # nothing lost
        assert app.focused is form.query_one("#field-cpr")  # the first field in error has the focus

        # A CPR whose first six digits are no date; a zero interval.
        fill(form, cpr="310290-1234", first_request="i dag", phone="", interval="0 dage")
        await save(pilot)
        assert set(errors(form)) == {"cpr", "interval"}
        assert error(form, "cpr") == "De første 6 cifre er ikke en dato, der findes. Fx: 241290-1234"
        assert error(form, "interval").startswith("Intervallet kan ikke bruges. Fx:")

        # Refused by the store, shown beside the field: first request in the future; a CPR
        # already in the caseload (typed without the dash).
        fill(form, cpr="241290-1234", interval="", first_request="i morgen")
        await save(pilot)
        assert app.screen is form and set(errors(form)) == {"first_request"}
        fill(form, cpr=existing.cpr.replace("-", ""), first_request="i dag")
        await save(pilot)
        assert app.screen is form and set(errors(form)) == {"cpr"}
        assert demo_store.count_caseload() == count

        # A modulus-11 failure is only a warning: the citizen is created.
        fill(form, cpr="010190-1234", name="Modulus Elleve")
        await save_and_close(pilot, through_warnings=True)
        assert [r.cpr for r in demo_store.caseload(search="Modulus Elleve")] == ["010190-1234"]
        assert demo_store.count_caseload() == count + 1 == caseload.total

        # -- on the citizen screen --
        before = find_citizen(demo_store, lambda f: any(m.status == "planned" and m.start.date() > TODAY
                                                         for m in f.meetings))
        cid = before.citizen.id
        future = next(m for m in before.meetings if m.status == "planned" and m.start.date() > TODAY)
        await open_citizen(pilot, cid)

        # Plan a meeting: date and time are required, with examples ...
        form = await new_menu(pilot, "m", PlanMeetingForm)
        await save(pilot)
        assert set(errors(form)) == {"day", "time"}
        assert error(form, "day").startswith("Skal udfyldes, fx 24-12-2026")
        assert error(form, "time").startswith("Skal udfyldes, fx 9, 9.30")
        # ... and a date that does not exist, hour 25 and zero minutes are refused, each with an example.
        fill(form, day="31-02-2026", time="25.00", minutes="0")
        await save(pilot)
        assert app.screen is form and set(errors(form)) == {"day", "time", "minutes"}
        assert error(form, "day") == "Den dato findes ikke. Fx: 28-02-2026"
        assert error(form, "time") == "Timer 0–23 og minutter 0–59. Fx: 14:05"
        assert error(form, "minutes") == "Varigheden skal være 1 minut til 24 timer. Fx: 45"
        assert (form.raw_values()["day"], form.raw_values()["time"], form.raw_values()["minutes"]) == (
            "31-02-2026", "25.00", "0")
        await to_main(pilot)  # esc asks before throwing typed text away; j
        await open_citizen(pilot, cid)

        # Absence: the last day before the first — the store refuses; its words stand beside the field.
        form = await new_menu(pilot, "f", AbsenceForm)
        fill(form, first_day="i dag", last_day="i går")
        await save(pilot)
        assert app.screen is form and set(errors(form)) == {"last_day"}
        assert form.raw_values()["last_day"] == "i går"
        await pilot.press("escape", "j")
        await settle(pilot)

        # A meeting in the future cannot be marked held: said on the form, which stays open.
        form = await row_menu(pilot, "meeting", future.id, "h")
        assert isinstance(form, HeldForm)
        fill(form, summary="Skrevet for tidligt")
        await save(pilot)
        assert app.screen is form and set(errors(form)) == {"form"}
        assert form.raw_values()["summary"] == "Skrevet for tidligt"

        after = demo_store.citizen_file(cid)
        assert (after.meetings, after.absences, after.hearings, after.citizen) == (
            before.meetings, before.absences, before.hearings, before.citizen)


async def test_store_refusals_are_danish_with_an_example(make_app, demo_store) -> None:
    from tui.forms.journal import AbsenceForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        existing = demo_store.citizen_file(pane(app, "caseload").rows[0].citizen_id).citizen
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        fill(form, cpr=existing.cpr, name="Dublet")
        await save(pilot)
        assert app.screen is form and set(errors(form)) == {"cpr"}
        assert "Fx" in error(form, "cpr") and "already exists" not in error(form, "cpr")
        await to_main(pilot)
        await open_citizen(pilot, existing.id)
        form = await new_menu(pilot, "f", AbsenceForm)
        fill(form, first_day="i dag", last_day="i går")
        await save(pilot)
        assert app.screen is form and set(errors(form)) == {"last_day"}
        assert "Fx" in error(form, "last_day") and "before the first day" not in error(form, "last_day")


async def test_modulus_11_failure_is_saved_only_after_a_warning(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        fill(form, cpr="010190-1234", name="Modulus Elleve")
        await save(pilot)
        assert app.screen is form, "saved at once, with no word about the check digit"
        assert str(form.query_one("#form-warning").render()).strip()
        await save_and_close(pilot)
        assert [r.cpr for r in demo_store.caseload(search="Modulus Elleve")] == ["010190-1234"]
