"""The right to erasure: a citizen and everything about them goes in one transaction, undo
entries that mention them go too, a colleague's citizen is not there to delete, and the
preview counts what will go."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from store.commands import citizens, journal_entries, meetings
from store.commands.erasure import DeleteCitizen
from store.db.base import Base
from store.db.models import UndoEntry
from store.db.session import reading
from store.errors import NotFound
from store.facade import Store


@pytest.fixture
def store(empty_db, clock):  # type: ignore[no-untyped-def]
    s = Store.open(empty_db, clock=clock, caseworker="kmj")
    yield s
    s.close()


def _anna(store: Store) -> int:
    cid = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Anna Hansen", first_request=date(2026, 11, 2))).value
    mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 3, 10), minutes=60)).value
    store.execute(meetings.MarkHeld(meeting_id=mid, summary="Talte om helbred"))
    store.execute(meetings.PlanMeeting(citizen_id=cid, start=datetime(2026, 11, 30, 10), minutes=60))
    note = store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="Hemmelig note")).value
    store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 10), text_="Endnu en"))
    store.execute(journal_entries.DeleteEntry(kind="note", row_id=note))
    return cid


def _count_everywhere(store: Store, cid: int) -> int:
    with reading(store.engine) as s:
        total = 0
        for table in Base.metadata.sorted_tables:
            if "citizen_id" in table.c:
                total += s.scalar(select(func.count()).select_from(table).where(table.c.citizen_id == cid)) or 0
        return total


def test_the_preview_names_what_will_go(store: Store) -> None:
    cid = _anna(store)
    found = store.erasure_preview(cid)
    assert found.name == "Anna Hansen"
    assert dict(found.counts) == {"meeting": 2, "case_note": 1}


def test_erasure_deletes_everything_and_every_undo_entry_that_mentions_them(store: Store) -> None:
    cid = _anna(store)
    other = store.execute(citizens.CreateCitizen(cpr="020285-4321", name="Bo Jensen", first_request=date(2026, 11, 2))).value
    gone = store.execute(DeleteCitizen(cid)).value
    assert gone.name == "Anna Hansen"
    with reading(store.engine) as s:
        assert s.scalar(select(func.count()).select_from(Base.metadata.tables["citizen"])) == 1
        journal = " ".join(s.scalars(select(UndoEntry.changes)))
    assert _count_everywhere(store, cid) == 0
    assert "Hemmelig" not in journal and "010190-1234" not in journal and "Anna" not in journal
    # Erasure is not undoable; the newest undoable action is Bo's creation.
    assert store.undo_preview().citizen == "Bo Jensen"
    assert store.citizen_record(other).name == "Bo Jensen"


def test_a_colleagues_citizen_is_not_there_to_delete(store: Store, empty_db, clock) -> None:
    cid = _anna(store)
    abc = Store.open(empty_db, clock=clock, caseworker="abc")
    try:
        with pytest.raises(NotFound):
            abc.execute(DeleteCitizen(cid))
        assert abc.find_citizen_by_cpr("0101901234") is None
    finally:
        abc.close()
    assert store.find_citizen_by_cpr("0101901234") == cid
