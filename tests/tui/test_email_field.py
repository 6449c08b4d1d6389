"""The citizen form refuses an e-mail address that is not one, beside the field, and keeps
every field as typed."""

from __future__ import annotations

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, error, fill, save


async def test_the_citizen_form_refuses_abc_as_email(make_app, demo_store) -> None:
    from tui.forms.citizen import CreateCitizenForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CreateCitizenForm)
        before = len(demo_store.caseload(limit=500))
        fill(form, cpr="0101801235", name="Anna Test", email="abc")
        await save(pilot, through_warnings=True)
        assert app.screen is form
        assert "mailadresse" in error(form, "email")
        assert form.raw_values()["email"] == "abc"
        assert len(demo_store.caseload(limit=500)) == before
        fill(form, email="anna@kommune.dk")
        await save(pilot, through_warnings=True)
        assert app.screen is not form
