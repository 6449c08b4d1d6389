"""A failing command whose arguments hold a CPR number (or note text) never shows it: not in
the error's message, not in the UI's sentence, not in the traceback."""

from __future__ import annotations

import traceback
from datetime import date, datetime

import pytest

from store.commands import citizens, journal_entries
from store.errors import StoreError

CPR = "010190-1234"
SECRET_NOTE = "Borgeren fortalte om sin psykiatriske indlæggelse"


def _all_text(exc: BaseException) -> str:
    from tui.errors import describe

    return "".join(traceback.format_exception(exc)) + str(exc) + repr(exc) + describe(exc)


def _create(store, cpr: str = CPR, **kw):  # type: ignore[no-untyped-def]
    return store.execute(citizens.CreateCitizen(cpr=cpr, name="Test Testesen", first_request=date(2026, 1, 5), **kw)).value


def _caught(call) -> BaseException:  # type: ignore[no-untyped-def]
    with pytest.raises(Exception) as info:
        call()
    return info.value


def _no_secret(exc: BaseException) -> None:
    text = _all_text(exc)
    assert CPR not in text and CPR.replace("-", "") not in text
    assert "1234" not in text.split(CPR[:6])[-1][:8] if CPR[:6] in text else True
    assert SECRET_NOTE not in text


def test_duplicate_cpr(demo_store) -> None:
    _create(demo_store)
    exc = _caught(lambda: _create(demo_store))
    assert isinstance(exc, StoreError)
    _no_secret(exc)


@pytest.mark.parametrize("bad", ["010190-12345", "320190-1234", "0101901234x", "01019O-1234"])
def test_malformed_cpr(demo_store, bad: str) -> None:
    exc = _caught(lambda: _create(demo_store, bad))
    text = _all_text(exc)
    assert bad not in text


def test_database_error_deep_in_a_command_hides_the_row(demo_store, monkeypatch) -> None:
    """The domain check is bypassed, so SQLite itself refuses the duplicate: SQLAlchemy's error
    would print the INSERT's parameters (the CPR) unless the store hides them."""
    _create(demo_store)
    monkeypatch.setattr(citizens, "_cpr", lambda session, value, own_id=None: value)
    exc = _caught(lambda: _create(demo_store, address=SECRET_NOTE))
    _no_secret(exc)


def test_an_unexpected_exception_inside_a_write_with_note_text(demo_store, monkeypatch) -> None:
    citizen = demo_store.deadlines(limit=1)[0].citizen_id

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("refresh failed")

    monkeypatch.setattr("store.commands.runner.refresh_citizen", boom)
    exc = _caught(lambda: demo_store.execute(journal_entries.AddNote(citizen_id=citizen, at=datetime(2026, 11, 23, 9), text_=SECRET_NOTE + " " + CPR)).value)
    _no_secret(exc)
    assert SECRET_NOTE not in {c.text for c in demo_store.citizen_file(citizen).notes}


def test_import_refusals_never_echo_a_cpr(tmp_path, empty_db) -> None:
    from store.db.engine import make_engine
    from store.importers.caseload_csv import import_caseload_csv

    path = tmp_path / "c.csv"
    path.write_text("cpr,name,phone,email,first_request,last_meeting,interval\n"
                    f"{CPR},Anna,,,2026-13-45,,\n{CPR},Bo,,,2026-01-05,,\n", encoding="utf-8")
    engine = make_engine(empty_db)
    try:
        exc = _caught(lambda: import_caseload_csv(engine, path, date(2026, 11, 23)))
    finally:
        engine.dispose()
    _no_secret(exc)
