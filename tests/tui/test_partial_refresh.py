"""A save that touched one citizen reads only that citizen's part of the day: the Today pane
replaces their rows and keeps everyone else's, and what it then shows is exactly what reading
the whole day again shows (order, count, a first page that stays a first page)."""

from __future__ import annotations

from typing import Any

from store.commands.base import ChangeSet
from store.commands.meetings import MarkHeld
from store.queries.rows import AgendaMeeting
from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, open_held_form, pane


class AgendaSpy:
    """The real store; every `agenda` call is recorded with the citizens it asked for."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.asked: list[frozenset[int] | None] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def agenda(self, day: Any = None, *, citizen_ids: Any = None) -> Any:
        self.asked.append(None if citizen_ids is None else frozenset(citizen_ids))
        return self._store.agenda(day, citizen_ids=citizen_ids)

    def agenda_page(self, **kwargs: Any) -> Any:  # a whole read of the day, a page of it
        self.asked.append(None)
        return self._store.agenda_page(**kwargs)


def _planned(today: Any) -> AgendaMeeting:
    return next(r for r in today.rows if isinstance(r, AgendaMeeting) and r.status == "planned")


def _keys(p: Any, rows: Any) -> list[str]:
    return [p.row_key(r) for r in rows]


async def test_saving_held_reads_only_that_citizens_part_of_the_day(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        meeting = await open_held_form(pilot, today)
        spy = AgendaSpy(app.store)
        app.store = spy
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert spy.asked == [frozenset({meeting.citizen_id})]
        whole = today.fetch(demo_store, "", today.limit)
        assert _keys(today, today.rows) == _keys(today, whole.rows) and today.total == whole.total
        assert "✓" in str(today.table.get_cell(f"m{meeting.meeting_id}", "col.state"))


async def test_a_first_page_stays_a_first_page_after_a_partial_reload(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        today.limit = 4  # only the first rows are shown: the rest belong to later pages
        today.reload()
        await settle(pilot)
        assert len(today.rows) == 4 < today.total
        # A citizen with a row on the first page and an overdue next meeting a held one ends.
        meeting = next(r for r in demo_store.agenda().meetings if r.status == "planned")
        outcome = demo_store.execute(MarkHeld(meeting_id=meeting.meeting_id))
        assert meeting.citizen_id in outcome.changes.citizens
        today.refresh_for(outcome.changes)
        await settle(pilot)
        whole = today.fetch(demo_store, "", 4)
        shown = _keys(today, today.rows)
        assert shown == _keys(today, whole.rows)[:len(shown)] and today.total == whole.total


async def test_a_change_of_no_one_citizen_reads_the_whole_day(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        spy = AgendaSpy(app.store)
        app.store = spy
        today.refresh_for(ChangeSet(frozenset({_planned(today).citizen_id}), frozenset({"task"})))
        await settle(pilot)
        today.refresh_for(ChangeSet.everything())
        await settle(pilot)
        assert spy.asked == [None, None]


async def test_a_partial_reload_that_changes_no_row_on_the_page_leaves_the_table_alone(make_app, demo_store) -> None:
    """Only the count may move: the table is not refilled (no row re-measured or re-drawn)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        shown = {r.citizen_id for r in today.rows}
        other = next(r.citizen_id for r in demo_store.caseload(limit=500) if r.citizen_id not in shown)
        refills: list[int] = []
        original = today.table.replace_rows
        today.table.replace_rows = (lambda *a, **k: (refills.append(1), original(*a, **k))[1])  # type: ignore[method-assign]
        rows = today.rows
        today.refresh_for(ChangeSet(frozenset({other}), frozenset({"meeting", "citizen"})))
        await settle(pilot)
        assert refills == [] and today.rows == rows
        today.refresh_for(ChangeSet.everything())  # a whole read (a theme, an undo) always compares the rows
        await settle(pilot)
        assert refills == [1]


class PageSpy(AgendaSpy):
    """Records what each page of the day asked for."""

    def __init__(self, store: Any) -> None:
        super().__init__(store)
        self.pages: list[dict[str, Any]] = []

    def agenda_page(self, **kwargs: Any) -> Any:
        self.pages.append(kwargs)
        return self._store.agenda_page(**kwargs)


async def test_the_first_page_and_a_pagedown_read_only_their_own_rows(make_app, demo_store) -> None:
    """The first page asks for `limit` overdue rows, never the whole day; reaching the last row
    asks for the rows after it only (a key), and appends them: the same rows a whole read of
    the longer page lists."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        spy = PageSpy(app.store)
        app.store = spy
        today.limit = 3
        today.reload()
        await settle(pilot)
        assert spy.asked == [] and spy.pages == [{"limit": 3, "rest": False}]  # never agenda(): the whole day
        assert len(today.rows) == 3 < today.total
        await pilot.press("1")
        today.table.move_cursor(row=2, animate=False)
        await settle(pilot)
        from store.obligations.model import order_key

        assert spy.pages[-1] == {"after": order_key(today.rows[2]), "limit": 200}
        whole = today.fetch(demo_store, "", len(today.rows))
        assert _keys(today, today.rows) == _keys(today, whole.rows) and today.total == whole.total


async def test_M_jumps_to_the_days_meetings_and_counts_the_overdue_above(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        overdue = len(demo_store.agenda().overdue)
        await pilot.press("1", "G")  # far down the list: M still lands on the first meeting
        await settle(pilot)
        assert today.table.cursor_row > 0
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(today.rows[0], AgendaMeeting) and str(overdue) in str(today.border_subtitle)
        assert today.table.cursor_row == 0 and today.row_at_cursor() == today.rows[0]
        await pilot.press("G", "M")
        await settle(pilot)
        assert not isinstance(today.rows[0], AgendaMeeting)
        assert today.table.cursor_row == 0 and today.table.scroll_y == 0


async def test_saving_held_from_the_days_meetings_reads_only_that_citizen(make_app, demo_store) -> None:
    """After M (the list starts at the day's meetings) a save reads only the changed citizen,
    and the rows, the count and the overdue count above equal a whole read's."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        await pilot.press("1", "M")
        await settle(pilot)
        meeting = _planned(today)
        today.table.move_cursor(row=list(today.rows).index(meeting), animate=False)
        await pilot.press("h")
        await settle(pilot)
        spy = PageSpy(app.store)
        app.store = spy
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert spy.asked == [frozenset({meeting.citizen_id})] and spy.pages == []
        whole = today.fetch(demo_store, "", today.limit)
        assert _keys(today, today.rows) == _keys(today, whole.rows) and today.total == whole.total
        assert today._shown is not None and today._shown.above == whole.above == len(demo_store.agenda().overdue)
        assert "✓" in str(today.table.get_cell(f"m{meeting.meeting_id}", "col.state"))


class RowSpy:
    """The real store; records what the caseload and deadline reads asked for."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.reads: list[tuple[str, Any]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def deadlines(self, **kwargs: Any) -> Any:
        self.reads.append(("deadlines", kwargs.get("citizen_ids")))
        return self._store.deadlines(**kwargs)

    def caseload(self, **kwargs: Any) -> Any:
        self.reads.append(("caseload", kwargs.get("citizen_ids")))
        return self._store.caseload(**kwargs)


async def test_saving_held_rereads_only_that_citizen_in_the_deadline_and_caseload_panes(make_app, demo_store) -> None:
    """The held citizen's deadline moves: the meetings-due and caseload panes read that citizen's
    row only and show exactly what a whole read of their pages shows."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        meeting = await open_held_form(pilot, today)
        spy = RowSpy(app.store)
        app.store = spy
        await pilot.press("ctrl+s")
        await settle(pilot)
        who = frozenset({meeting.citizen_id})
        assert sorted(spy.reads, key=str) == [("caseload", who), ("deadlines", who)]
        for name in ("deadlines", "caseload"):
            shown = pane(app, name)
            whole = shown.fetch(demo_store, "", shown.limit)
            assert _keys(shown, shown.rows) == _keys(shown, whole.rows)[:len(shown.rows)]
            assert shown.rows == whole.rows[:len(shown.rows)] and shown.total == whole.total


def test_a_tie_on_the_date_is_left_to_the_database() -> None:
    """Two rows on one date are ordered by name in SQL (its collation): the merge declines."""
    from dataclasses import dataclass
    from datetime import date

    from tui.panes.by_due import merged

    @dataclass(frozen=True)
    class Row:
        citizen_id: int
        due: date | None

    page = [Row(1, date(2026, 1, 1)), Row(2, date(2026, 1, 5)), Row(3, None)]
    assert merged(page, [Row(4, date(2026, 1, 5))], {4}, lambda r: r.due, whole=True, limit=10) is None
    assert merged(page, [Row(4, None)], {4}, lambda r: r.due, whole=True, limit=10) is None
    moved = merged(page, [Row(1, date(2026, 1, 9))], {1}, lambda r: r.due, whole=True, limit=10)
    assert moved == [Row(2, date(2026, 1, 5)), Row(1, date(2026, 1, 9)), Row(3, None)]
    # A first page: a row that now sorts after its last row belongs to a later page.
    first = merged(page[:2], [Row(1, date(2026, 1, 9))], {1}, lambda r: r.due, whole=False, limit=2)
    assert first == [Row(2, date(2026, 1, 5))]


async def test_M_after_paging_down_reads_one_page_only(make_app, demo_store, monkeypatch) -> None:
    """After G (the cursor on the last of several pages) M must read one page of the day's
    meetings: the cursor left on the old last row was clamped to the new list's last row,
    which asked for the next page as if the caseworker had scrolled there."""
    monkeypatch.setattr("tui.panes.base.PAGE", 4)
    monkeypatch.setattr("tui.panes.today.PAGE", 4)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        assert today.total > 8, "the demo day must be longer than two pages"
        await pilot.press("1", "G", "G")
        await settle(pilot)
        assert len(today.rows) > 4
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(today.rows[0], AgendaMeeting) and today.total > 4
        assert len(today.rows) == 4 and today.table.cursor_row == 0
