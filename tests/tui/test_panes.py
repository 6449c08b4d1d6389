"""Every pane shows the right rows, worst first, with its count in the border and a marker
that says the status without colour."""

from __future__ import annotations

from datetime import date

import pytest

from store.rules import Status
from tests.conftest import TODAY
from tests.app_helpers import settle
from tui.panes.base import Pane


def pane(app, pane_id: str) -> Pane:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#pane-{pane_id}", Pane)


async def test_all_five_panes_load_worst_first_with_counts(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for pid in ("today", "caseload", "deadlines", "doctors", "suppliers"):
            p = pane(app, pid)
            assert p.loaded, pid
            assert p.table.row_count == len({p.row_key(r) for r in p.rows})
            assert f"({p.total})" in str(p.border_title), (pid, p.border_title)
            assert p.display and p.region.width > 0, f"{pid} is not visible at 160x48"
        deadlines = pane(app, "deadlines").rows
        assert [r.due for r in deadlines] == sorted(r.due for r in deadlines)
        assert deadlines[0].status is Status.OVERDUE
        assert pane(app, "deadlines").total == demo_store.count_deadlines()
        doctors = pane(app, "doctors").rows
        assert doctors and [r.answer_due for r in doctors] == sorted(r.answer_due for r in doctors)
        caseload = pane(app, "caseload")
        assert caseload.total == demo_store.count_caseload()
        dues = [r.next_due for r in caseload.rows if r.next_due is not None]
        assert dues == sorted(dues)
        today_rows = pane(app, "today").rows
        rows = [r for r in today_rows if hasattr(r, "meeting_id")]
        meetings = [m for m in rows if m.start.date() == TODAY]
        assert meetings and rows[:len(meetings)] == meetings  # today's own meetings first
        assert [m.start for m in meetings] == sorted(m.start for m in meetings)
        # Then the coming 7 days' meetings nobody has called the citizen in to yet.
        upcoming = rows[len(meetings):]
        assert all(m.not_invited and 0 < (m.start.date() - TODAY).days <= 7 for m in upcoming)
        suppliers = pane(app, "suppliers").rows
        assert suppliers and all(r.reasons for r in suppliers)


async def test_status_is_shown_by_a_marker_not_colour_alone(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        table = pane(app, "deadlines").table
        first = str(table.get_row_at(0)[0])
        assert first.startswith("! "), first
        texts = {str(table.get_row_at(i)[0])[:1] for i in range(table.row_count)}
        assert texts <= {"!", "~", "✓"}


@pytest.mark.parametrize("number,pid", [(1, "today"), (2, "caseload"), (3, "deadlines"), (4, "doctors"), (5, "suppliers")])
async def test_digits_switch_panes(make_app, number: int, pid: str) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press(str(number))
        assert app.focused is pane(app, pid).table


async def test_tab_and_shift_tab_cycle_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1", "tab")
        assert app.focused is pane(app, "caseload").table
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is pane(app, "suppliers").table


async def test_small_terminal_shows_one_pane_at_a_time(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        visible = [p.pane_id for p in app.screen.query(Pane) if p.region.width > 0]
        assert visible == ["today"]
        await pilot.press("3")
        await pilot.pause()
        visible = [p.pane_id for p in app.screen.query(Pane) if p.region.width > 0]
        assert visible == ["deadlines"]


async def test_z_maximises_and_restores_a_pane(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2", "z")
        assert app.screen.maximized is pane(app, "caseload")
        await pilot.press("z")
        assert app.screen.maximized is None


async def test_jk_g_G_move_the_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        table = pane(app, "caseload").table
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("down", "end")
        assert table.cursor_row == table.row_count - 1


async def test_slash_filters_by_name_and_esc_clears(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        p = pane(app, "caseload")
        everyone = p.total
        # A surname several citizens share: enter with one match would open that citizen.
        from collections import Counter

        surname = Counter(r.name.split()[-1] for r in p.rows).most_common(1)[0][0]
        await pilot.press("slash", *surname)
        await settle(pilot)
        assert 0 < p.total < everyone
        assert all(surname.casefold() in r.name.casefold() for r in p.rows)
        await pilot.press("enter")
        assert app.focused is p.table
        await pilot.press("escape")
        await settle(pilot)
        assert p.total == everyone and p.search == ""


async def test_filter_by_cpr_digits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        p = pane(app, "deadlines")
        target = p.rows[5]
        await pilot.press("slash", *target.cpr[:6])
        await settle(pilot)
        assert target.citizen_id in {r.citizen_id for r in p.rows}
        assert all(r.cpr.startswith(target.cpr[:6]) for r in p.rows)


async def test_filter_doctor_pane_by_doctor_name(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        p = pane(app, "doctors")
        doctor = p.rows[0].doctor
        await pilot.press("slash", *doctor.split()[-1])
        await settle(pilot)
        assert p.rows and all(doctor.split()[-1].casefold() in (r.doctor + r.name).casefold() for r in p.rows)


async def test_cursor_stays_on_the_same_citizen_when_a_row_is_added_above_it(make_app, demo_store) -> None:

    from store.commands.base import ChangeSet
    from store.commands.citizens import CreateCitizen
    from tui.messages import Changed

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "j", "j")
        p = pane(app, "deadlines")
        chosen = p.row_at_cursor().citizen_id
        index = p.table.cursor_row
        # A citizen long overdue sorts first: every row below moves down one.
        new = demo_store.execute(CreateCitizen(cpr="010190-1009", name="Aage Først", first_request=date(2020, 1, 6)))
        app.post_message(Changed(ChangeSet(frozenset({new.value}), frozenset({"citizen"}))))
        await settle(pilot)
        assert p.rows[0].citizen_id == new.value
        assert p.table.cursor_row == index + 1
        assert p.row_at_cursor().citizen_id == chosen


async def test_caseload_title_holds_the_norm(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "norm 40–55" in str(pane(app, "caseload").border_subtitle)
