"""Undo is yours: a window undoes only its own caseworker's own actions, a later change by
someone else is shown as a conflict instead of being wiped, a colleague's record is never
cascaded away, redo exists, and old entries (deleted note text) are purged."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from store.commands import citizens, journal_entries
from store.commands.runner import UNDO_WINDOW
from store.commands.undo import UndoRefused
from store.db.base import utcnow
from store.db.models import CaseNote, Citizen, UndoEntry
from store.db.session import reading, writing
from store.errors import Conflict
from store.facade import Store


@pytest.fixture
def open_store(empty_db, clock):  # type: ignore[no-untyped-def]
    opened: list[Store] = []

    def make(caseworker: str | None = None) -> Store:
        store = Store.open(empty_db, clock=clock, caseworker=caseworker)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def _citizen(store: Store, cpr: str = "010190-1234", name: str = "Anna Hansen") -> int:
    return store.execute(citizens.CreateCitizen(cpr=cpr, name=name, first_request=date(2026, 11, 2))).value


def _name(store: Store, cid: int) -> str:
    return store.citizen_record(cid).name


def test_one_window_never_undoes_another_windows_edit(open_store) -> None:
    left, right = open_store("kmj"), open_store("kmj")
    cid = _citizen(left)
    right.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna Right"}))
    # The left window's newest action is the creation; the right window's edit is not its to undo.
    assert left.undo_preview().label == "citizens.create"
    assert right.undo() == "citizens.edit"
    assert _name(left, cid) == "Anna Hansen"
    assert right.undo() is None


def test_a_caseworker_undoes_only_their_own(open_store) -> None:
    kmj, abc = open_store("kmj"), open_store("abc")
    cid = _citizen(kmj)
    assert abc.undo() is None
    assert _name(kmj, cid) == "Anna Hansen"


def test_a_later_edit_by_a_colleague_is_a_conflict_not_wiped(open_store) -> None:
    kmj, abc = open_store("kmj"), open_store("abc")
    cid = _citizen(kmj)
    kmj.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna K"}))
    abc.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna A"}))
    with pytest.raises(Conflict) as caught:
        kmj.undo()
    assert caught.value.theirs == {"name": "Anna A"} and caught.value.mine == {"name": "Anna Hansen"}
    assert _name(kmj, cid) == "Anna A"
    # Chosen knowingly, as with an edit conflict: undo anyway.
    assert kmj.undo(force=True) == "citizens.edit"
    assert _name(kmj, cid) == "Anna Hansen"


def test_undoing_a_created_citizen_never_cascades_away_a_colleagues_note(open_store, clock) -> None:
    kmj, abc = open_store("kmj"), open_store("abc")
    cid = _citizen(kmj)
    note = abc.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="Ringede")).value
    with pytest.raises(UndoRefused) as caught:
        kmj.undo()
    assert caught.value.params["count"] == 1
    with reading(kmj.engine) as s:
        assert s.get(Citizen, cid) is not None and s.get(CaseNote, note) is not None


def test_redo_does_an_undone_action_again(open_store) -> None:
    store = open_store("kmj")
    cid = _citizen(store)
    store.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna B"}))
    assert store.undo() == "citizens.edit"
    assert _name(store, cid) == "Anna Hansen"
    assert store.undo_preview("redo").label == "citizens.edit"
    assert store.redo() == "citizens.edit"
    assert _name(store, cid) == "Anna B"
    # And the redone action can be undone again.
    assert store.undo() == "citizens.edit"
    assert _name(store, cid) == "Anna Hansen"
    # A new action ends what can be redone.
    store.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna C"}))
    assert store.redo() is None


def test_redo_of_an_undone_creation_brings_the_same_citizen_back(open_store) -> None:
    store = open_store("kmj")
    cid = _citizen(store)
    uid = _uid(store, cid)
    assert store.undo() == "citizens.create"
    assert store.redo() == "citizens.create"
    assert _name(store, cid) == "Anna Hansen" and _uid(store, cid) == uid


def _uid(store: Store, cid: int) -> str:
    with reading(store.engine) as s:
        return s.scalar(select(Citizen.uid).where(Citizen.id == cid))


def test_the_preview_names_the_action_and_the_citizen(open_store) -> None:
    store = open_store("kmj")
    cid = _citizen(store, name="Bo Jensen")
    store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="Ringede"))
    preview = store.undo_preview()
    assert preview.label == "journal_entries.add_note" and preview.citizen == "Bo Jensen"
    assert open_store("kmj").undo_preview() is None


def test_a_citizen_uid_is_never_reused_after_an_undone_creation(open_store) -> None:
    store = open_store("kmj")
    first = _citizen(store)
    uid = _uid(store, first)
    store.undo()
    second = _citizen(store, cpr="020285-4321", name="Bo Jensen")
    assert _uid(store, second) != uid


def test_undo_entries_older_than_the_undo_window_are_purged(open_store) -> None:
    store = open_store("kmj")
    cid = _citizen(store)
    note = store.execute(journal_entries.AddNote(citizen_id=cid, at=datetime(2026, 11, 23, 9), text_="Hemmelig tekst")).value
    store.execute(journal_entries.DeleteEntry(kind="note", row_id=note))
    with writing(store.engine) as s:
        s.execute(update(UndoEntry).values(at=utcnow() - UNDO_WINDOW - timedelta(hours=1)))
    store.execute(citizens.EditCitizen(citizen_id=cid, changes={"name": "Anna B"}))
    with reading(store.engine) as s:
        texts = s.scalars(select(UndoEntry.changes)).all()
    assert len(texts) == 1 and all("Hemmelig" not in t for t in texts)
