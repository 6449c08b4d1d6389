"""`:` (or ctrl+p) from anywhere finds a citizen by name, fuzzily and regardless of case and
accents, or by CPR digits, and enter opens them."""

from __future__ import annotations

import pytest

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, find_citizen, open_citizen


async def _jump(pilot, keys: str, typed: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(keys)
    await settle(pilot)
    for ch in typed:
        await pilot.press("space" if ch == " " else ch)
    await pilot.pause(0.3)  # the palette searches on a short timer of its own
    await settle(pilot)
    await pilot.press("enter")  # the best match is highlighted: enter opens it
    await settle(pilot)


@pytest.mark.parametrize(("key", "how"), [("colon", "fuzzy"), ("ctrl+p", "cpr"), ("colon", "folded")])
async def test_jump_to_a_citizen_from_anywhere(make_app, demo_store, key: str, how: str) -> None:
    from tui.screens.citizen import CitizenScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = [r.name for r in demo_store.caseload(limit=500)]
        target = next(f for f in (demo_store.citizen_file(r.citizen_id) for r in demo_store.caseload(limit=500))
                      if sum(f.citizen.name.split()[-1] in n for n in names) == 1)
        # Start from another citizen's screen: "from anywhere".
        other = find_citizen(demo_store, lambda f: f.citizen.id != target.citizen.id)
        await open_citizen(pilot, other.citizen.id)
        surname = target.citizen.name.split()[-1]
        first = target.citizen.name.split()[0]
        # Fuzzy: a letter of the surname left out (with the first name, so only one person fits).
        typed = {"fuzzy": f"{first.lower()} {surname[0] + surname[2:].lower()}", "cpr": target.citizen.cpr.replace("-", "")[:6],
                 "folded": surname.upper()}[how]
        if how == "cpr" and sum(r.cpr.startswith(target.citizen.cpr[:6]) for r in demo_store.caseload(limit=500)) > 1:
            pytest.skip("two citizens share the birth date")
        await _jump(pilot, key, typed)
        assert isinstance(app.screen, CitizenScreen)
        assert app.screen.citizen_id == target.citizen.id



async def test_a_search_cancelled_by_the_next_keystroke_leaves_the_palette_working(make_app, demo_store) -> None:
    """`:` and a name at typing speed: each keystroke cancels the search before it, and the
    first one waits for the palette to load the caseload. That cancellation used to cancel
    the loading too, and nothing was ever found again (seen typing ":lone frederiksen" in
    one burst in a real terminal)."""
    import asyncio

    from tui.palette import CitizenJump

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = demo_store.caseload(limit=500)[0]
        provider = CitizenJump(app.screen)
        provider._post_init()  # what the palette does when it opens

        async def first_keystroke() -> None:
            async for _hit in provider._search(row.name[:1]):
                pass

        first = asyncio.ensure_future(first_keystroke())
        await asyncio.sleep(0)  # the search is now waiting for the start-up
        first.cancel()  # the next keystroke
        found = [hit.text async for hit in provider._search(row.name)]
        assert row.name in found
