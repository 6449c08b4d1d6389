"""enter in a pane's filter opens the only match, or moves to the list when there are more,
also when enter comes before the answer to the last letter typed."""

from __future__ import annotations

from tests.app_helpers import settle
from tests.tui.form_helpers import pane
from tests.tui.test_burst import burst


def _unique_name(p) -> str:  # type: ignore[no-untyped-def]
    names = [r.name for r in p.rows]
    return next(n for n in names if sum(n.casefold() in m.casefold() for m in names) == 1)


async def test_enter_opens_the_only_match(make_app) -> None:
    from tui.screens.citizen import CitizenScreen

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        p = pane(app, "caseload")
        name = _unique_name(p)
        await pilot.press("slash", *[("space" if ch == " " else ch) for ch in name])
        await settle(pilot)
        assert p.total == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        assert app.screen.citizen_id == p.rows[0].citizen_id


async def test_enter_typed_before_the_answer_still_opens_it(make_app) -> None:
    from tui.screens.citizen import CitizenScreen

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        p = pane(app, "caseload")
        name = _unique_name(p)
        burst(app, ["slash", *[("space" if ch == " " else ch) for ch in name], "enter"])
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)


async def test_enter_with_several_matches_moves_to_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        p = pane(app, "caseload")
        await pilot.press("slash", "e")
        await settle(pilot)
        assert p.total > 1
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is p.table and type(app.screen).__name__ == "MainScreen"
