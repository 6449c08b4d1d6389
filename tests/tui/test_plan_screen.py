"""The plan screen (P) on the demo caseload: proposals by day, the left-out citizens with their
reasons, and enter / d / a / e writing (or not) what they should."""

from __future__ import annotations

from sqlalchemy import func, select

from store.db.models import Meeting
from store.db.session import reading
from tests.app_helpers import settle
from tests.tui.test_snapshots import SIZES, _id, picture
import pytest


def planned(store) -> int:  # type: ignore[no-untyped-def]
    with reading(store.engine) as s:
        return s.scalar(select(func.count()).select_from(Meeting).where(Meeting.status == "planned")) or 0


def cells(app, table_id: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(table_id)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_p_shows_the_plan_and_enter_books_one(make_app, demo_store) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    before = planned(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        rows = cells(app, "#plan-proposals")
        assert rows and any("frist" in c for c in rows[0])
        left = cells(app, "#plan-unplaced")
        assert left and "ferie til" in left[0][2]
        await pilot.press("enter")
        await settle(pilot)
        assert planned(demo_store) == before + 1
        assert "✓" in cells(app, "#plan-proposals")[0][0]
        await pilot.press("d")  # the second is skipped: nothing written
        await settle(pilot)
        assert planned(demo_store) == before + 1
        await pilot.press("a")  # the rest in one transaction
        await settle(pilot)
        assert planned(demo_store) == before + len(rows) - 1
        assert demo_store.undo() == "planning.accept"
        assert planned(demo_store) == before + 1


async def test_e_moves_a_proposal_through_the_meeting_form(make_app, demo_store) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    before = planned(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        time_field = app.screen.query_one("#field-time")
        time_field.value = "14.45"
        await pilot.press("ctrl+s")
        await settle(pilot)
        if app.screen.query("#field-time"):  # a warning (overlap) asks for a second ctrl+s
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert planned(demo_store) == before + 1
        assert "✓" in cells(app, "#plan-proposals")[0][0]
    with reading(demo_store.engine) as s:
        starts = s.scalars(select(Meeting.start).where(Meeting.status == "planned")).all()
    assert any(st.hour == 14 and st.minute == 45 for st in starts)


async def test_read_only_books_nothing(make_app, demo_store) -> None:  # type: ignore[no-untyped-def]
    app = make_app(read_only=True)
    before = planned(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("P", "a")
        await settle(pilot)
    assert planned(demo_store) == before


@pytest.fixture
def snap(snapshot):  # type: ignore[no-untyped-def]
    from tests.tui.test_snapshots import SVGImage

    return snapshot.use_extension(SVGImage)


@pytest.mark.parametrize("size", SIZES, ids=_id)
async def test_plan_screen_picture(snap, make_app, size) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(), size, "P") == snap


async def test_plan_screen_picture_english(snap, make_app) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(lang="en"), (160, 48), "P") == snap


async def test_a_hostile_name_shows_as_typed(make_app, demo_store) -> None:  # type: ignore[no-untyped-def]
    from store.commands import citizens
    from store.planning.service import plan_for

    first = plan_for(demo_store).proposals[0].need
    demo_store.execute(citizens.EditCitizen(citizen_id=first.citizen_id, changes={"name": "[bold]Ida[/] [/]"}))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert any("[bold]Ida[/] [/]" in row[3] for row in cells(app, "#plan-proposals"))
