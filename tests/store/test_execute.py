"""The one write path at the store level: a typed command in, its result and a change set out."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from store.commands import citizens, meetings
from store.commands.base import ChangeSet
from store.commands.meetings import MarkHeld
from store.errors import ReadOnly
from store.facade import Store


@pytest.fixture
def store(empty_db, clock):
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()


def test_mark_held_reports_the_citizen_and_kinds_it_touched(store: Store) -> None:
    cid = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 1, 5))).value
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 8, 31, 10), minutes=60)).value
    outcome = store.execute(MarkHeld(meeting_id=mid, summary="ok"))
    assert outcome.changes.citizens == frozenset({cid})
    assert "meeting" in outcome.changes.kinds
    assert "citizen" in outcome.changes.kinds  # the derived deadline moved with it
    assert store.citizen_record(cid).next_due == date(2026, 11, 30)
    assert store.undo() == "meetings.mark_held"


def test_a_command_that_changes_nothing_has_an_empty_change_set() -> None:
    assert not ChangeSet()
    assert ChangeSet(kinds=frozenset({"meeting"})).touches({"meeting", "task"})


def test_read_only_store_refuses_a_command(empty_db, clock) -> None:
    s = Store(Store.open(empty_db, clock=clock).engine, clock=clock, read_only=True)
    with pytest.raises(ReadOnly):
        s.execute(MarkHeld(meeting_id=1))
