from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.dialects import sqlite

from store.demo.writer import sqlite_text


def test_fast_path_stores_exactly_what_sqlalchemy_stores() -> None:
    dialect = sqlite.dialect()
    as_date = sqlite.DATE().bind_processor(dialect)
    as_datetime = sqlite.DATETIME().bind_processor(dialect)
    for value in (date(2026, 11, 23), date(1999, 1, 5)):
        assert sqlite_text(value) == as_date(value)
    for value in (datetime(2026, 11, 23, 9, 0), datetime(2026, 2, 3, 13, 5, 7, 42)):
        assert sqlite_text(value) == as_datetime(value)
