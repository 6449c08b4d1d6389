"""Every row menu of the red thread has one letter per choice: two choices on one letter
(seen: `v` was both "read the whole text" and "written guidance given" on a hearing) make the
second unreachable."""

from __future__ import annotations

from collections import Counter

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, open_citizen


async def test_no_row_menu_offers_two_choices_on_one_letter(make_app, demo_store) -> None:
    from tui.widgets.table import SagsTable

    seen_kinds: set[str] = set()
    clashes: list[str] = []
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for row in demo_store.caseload(limit=500)[:25]:
            await open_citizen(pilot, row.citizen_id)
            screen = app.screen
            table = screen.query_one("#citizen-timeline", SagsTable)
            for index in range(table.row_count):
                table.move_cursor(row=index, animate=False)
                kind, ident = screen._selected()
                builder = getattr(screen, f"_menu_{kind}", None)
                choices = screen._read_choice(kind, ident) + (builder(ident) if builder else [])
                seen_kinds.add(kind)
                twice = [key for key, n in Counter(key for key, _label, _run in choices).items() if n > 1]
                if twice:
                    clashes.append(f"{kind}: {twice} in {[(k, label) for k, label, _ in choices]}")
            await pilot.press("escape")
            await settle(pilot)
    assert {"meeting", "hearing", "course", "doctor"} <= seen_kinds  # the walk met the menus that grew
    assert clashes == []
