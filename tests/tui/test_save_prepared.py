"""The first save of a held meeting costs what a later one does: while the form is open its
command is rehearsed on the writer's thread and rolled back (the save's statements are then
compiled already) and the toast's styles are parsed, so ctrl+s compiles no SQL statement and
parses no CSS. Before, the first save of each kind compiled about a dozen statements (5-8 ms at
50 citizens) and the first toast's styles were parsed inside the save's frame."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import default
from textual.css.stylesheet import Stylesheet

from store.db.models.meeting import Meeting
from store.db.session import reading
from tests.app_helpers import settle, settled
from tests.tui.form_helpers import SIZE, open_held_form, pane


async def _save_counting(make_app: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    app = make_app()
    seen: dict[str, Any] = {"compiled": [], "parsed": 0}
    watching = False

    def executed(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if watching and getattr(context, "cache_hit", None) is default.CACHE_MISS:
            seen["compiled"].append(" ".join(statement.split()))

    parse = Stylesheet.parse

    def parsing(self: Stylesheet) -> None:
        if watching:
            seen["parsed"] += 1
        parse(self)

    monkeypatch.setattr(Stylesheet, "parse", parsing)
    engine = app.store.engine
    event.listen(engine, "before_cursor_execute", executed)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settled(pilot)  # start-up's warm-up of the save's reads has run
            today = pane(app, "today")
            meeting = await open_held_form(pilot, today)
            with reading(engine) as s:  # the rehearsal has run, and written nothing
                seen["status_before"] = s.scalar(select(Meeting.status).where(Meeting.id == meeting.meeting_id))
            seen["preview_before"] = app.store.undo_preview()
            watching = True
            await pilot.press("ctrl+s")
            await settle(pilot)
            watching = False
            with reading(engine) as s:
                seen["status_after"] = s.scalar(select(Meeting.status).where(Meeting.id == meeting.meeting_id))
    finally:
        event.remove(engine, "before_cursor_execute", executed)
    return seen


async def test_the_first_save_compiles_no_statement(make_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = await _save_counting(make_app, monkeypatch)
    assert seen["status_before"] == "planned"  # rehearsed, rolled back
    assert seen["preview_before"] is None  # no undo entry either
    assert seen["status_after"] == "held"
    assert seen["compiled"] == []  # the write's statements and the panes' reads alike


async def test_the_first_toast_parses_no_styles(make_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = await _save_counting(make_app, monkeypatch)
    assert seen["parsed"] == 0


async def test_a_save_right_after_the_form_opens_waits_for_the_rehearsal(make_app: Any) -> None:
    """ctrl+s pressed as the form opens, its rehearsal queued with the writes or just run, saves
    once: the meeting held and exactly one undo entry (the rehearsal's was rolled back)."""
    from sqlalchemy import func

    from store.db.models import UndoEntry
    from store.queries.rows import AgendaMeeting

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settled(pilot)
        today = pane(app, "today")
        meeting = next(r for r in today.rows if isinstance(r, AgendaMeeting) and r.status == "planned")
        await pilot.press("1")
        today.table.move_cursor(row=list(today.rows).index(meeting), animate=False)
        with reading(app.store.engine) as s:
            entries = s.scalar(select(func.count()).select_from(UndoEntry))
        await pilot.press("h", "ctrl+s")
        await settle(pilot)
        with reading(app.store.engine) as s:
            assert s.scalar(select(Meeting.status).where(Meeting.id == meeting.meeting_id)) == "held"
            assert s.scalar(select(func.count()).select_from(UndoEntry)) == entries + 1
