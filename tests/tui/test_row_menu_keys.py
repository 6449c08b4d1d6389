"""Every row menu of the red thread has one letter per choice: two choices on one letter
(seen: `v` was both "read the whole text" and "written guidance given" on a hearing) make the
second unreachable."""

from __future__ import annotations

from collections import Counter

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, find_citizen, open_citizen


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


async def test_a_row_menu_uses_the_panes_letter_for_the_same_action(make_app, demo_store) -> None:
    """One key per action: a certificate received is `a` and a reminder `r` in the Doctor
    requests pane and on the request's line alike; a report received `i`, the next step `f`
    and a three-party meeting `t` in the Suppliers pane and on the course's line alike."""
    from tui.i18n import t
    from tui.keymap import bindings_by_id

    keys = {ident: binding.key for ident, binding in bindings_by_id().items()}
    who = find_citizen(demo_store, lambda f: any(d.status == "sent" for d in f.doctor_requests))
    course_owner = find_citizen(demo_store, lambda f: any(c.status == "active" for c in f.courses))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, who.citizen.id)
        request = next(d for d in who.doctor_requests if d.status == "sent")
        doctor_menu = {label: key for key, label, _run in app.screen._menu_doctor(request.id)}
        assert doctor_menu[t("act.answer")] == keys["doctors.answer"]
        assert doctor_menu[t("act.reminder")] == keys["doctors.reminder"]
        await pilot.press("escape")
        await settle(pilot)
        await open_citizen(pilot, course_owner.citizen.id)
        course = next(c for c in course_owner.courses if c.status == "active")
        course_menu = {label: key for key, label, _run in app.screen._menu_course(course.id)}
        assert course_menu[t("act.report")] == keys["suppliers.report"]
        assert course_menu[t("act.next_step")] == keys["suppliers.next_step"]
        assert course_menu[t("act.three_party")] == keys["suppliers.three_party"]
