"""`w`: the coming 7 working days' meetings; `o`: every open task, worst first, done by `d`."""

from __future__ import annotations

from datetime import date

from tests.conftest import TODAY
from tests.app_helpers import settle


def test_the_week_is_seven_working_days() -> None:
    from tui.screens.week import working_days

    days = working_days(date(2026, 12, 21))  # the week of Christmas
    assert len(days) == 7
    assert date(2026, 12, 24) not in days and date(2026, 12, 25) not in days and date(2026, 12, 26) not in days
    assert all(d.weekday() < 5 for d in days)


async def test_w_shows_the_weeks_meetings(make_app, demo_store) -> None:
    from tui.screens.week import WeekScreen, working_days

    expected = sum(len([m for m in demo_store.agenda(d).meetings if m.status != "cancelled"])
                   for d in working_days(TODAY))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        table = app.screen.query_one("#week-table")
        meetings = [k.value for k in table.rows if k.value.startswith("m:")]
        assert len(meetings) == expected > 0
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MainScreen"


async def test_o_lists_tasks_worst_first_and_d_marks_one_done(make_app, demo_store) -> None:
    from tui.screens.tasks import TasksScreen

    open_tasks = demo_store.obligations(kinds=("task",))
    assert len(open_tasks) >= 2
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TasksScreen)
        assert [r.ref_id for r in screen.rows] == [t.ref_id for t in open_tasks]
        assert [r.due for r in screen.rows] == sorted(r.due for r in screen.rows)
        assert {r.kind for r in screen.rows} == {"task"}
        first = screen.rows[0]
        await pilot.press("d")
        await settle(pilot)
        assert first.ref_id not in [t.ref_id for t in demo_store.obligations(kinds=("task",))]
        assert first.ref_id not in [r.ref_id for r in screen.rows]
        await pilot.press("u")  # says what it will undo
        await settle(pilot)
        await pilot.press("u")  # and undoes it
        await settle(pilot)
        assert first.ref_id in [r.ref_id for r in screen.rows]
