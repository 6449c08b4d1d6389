"""A rehearsal runs a command as its save will and rolls it back: nothing is written, and the
save then runs only statements SQLAlchemy has compiled already (the first save of a kind no
longer compiles about a dozen statements while the caseworker waits)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import default

from store.commands import citizens, meetings
from store.commands.meetings import MarkHeld
from store.db.models.meeting import Meeting
from store.db.session import reading
from store.facade import Store


@pytest.fixture
def store(empty_db, clock) -> Iterator[Store]:
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()


@contextmanager
def compiled(store: Store) -> Iterator[list[str]]:
    """The statements compiled (not found in the engine's compiled cache) while open."""
    fresh: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if context is not None and _missed(context):
            fresh.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        yield fresh
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)


def _missed(context: object) -> bool:
    return getattr(context, "cache_hit", None) is default.CACHE_MISS


def _planned(store: Store) -> tuple[int, int]:
    cid = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 1, 5))).value
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 8, 31, 10), minutes=60)).value
    return cid, mid


def test_a_rehearsal_writes_nothing(store: Store) -> None:
    cid, mid = _planned(store)
    before = store.citizen_record(cid)
    store.rehearse(MarkHeld(meeting_id=mid, summary="ok"))
    with reading(store.engine) as s:
        assert s.scalar(select(Meeting.status).where(Meeting.id == mid)) == "planned"
    assert store.citizen_record(cid) == before
    preview = store.undo_preview()
    assert preview is not None and preview.label == meetings.PlanMeeting.label  # still the newest action


def test_the_first_save_compiles_statements_without_a_rehearsal(store: Store) -> None:
    _cid, mid = _planned(store)
    with compiled(store) as fresh:
        store.execute(MarkHeld(meeting_id=mid))
    assert len(fresh) >= 3  # the meeting's update, the derived deadline's, the undo entry's


def test_after_a_rehearsal_the_save_compiles_nothing(store: Store) -> None:
    _cid, mid = _planned(store)
    store.rehearse(MarkHeld(meeting_id=mid))
    with compiled(store) as fresh:
        outcome = store.execute(MarkHeld(meeting_id=mid))
    assert fresh == []
    assert "meeting" in outcome.changes.kinds
    assert store.undo() == "meetings.mark_held"


def test_a_rehearsal_raises_what_the_command_would(store: Store) -> None:
    from store.errors import NotFound

    with pytest.raises(NotFound):
        store.rehearse(MarkHeld(meeting_id=999))
