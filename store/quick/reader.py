"""Reading the first caseload page with the standard library's sqlite3 (see the package doc).

Every refusal returns None: the caller then simply waits for the full store."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from store.queries.caseload_rows import caseload_rows
from store.queries.rows import CaseloadRow
from store.quick.horizons import horizons
from store.quick.compiled import HORIZONS, QUERIES
from store.quick.schema_head import schema_head
from store.rules.calendar import know_public_holidays
from store.rules.stamp import STAMP_KEY, holidays_version, rules_stamp

_FLAGS = (
    "SELECT citizen_id, text FROM citizen_flag WHERE citizen_id IN ({marks}) "
    "AND (starts IS NULL OR starts <= ?) AND (ends IS NULL OR ends >= ?) ORDER BY citizen_id, id"
)


@dataclass(frozen=True, slots=True)
class QuickCaseload:
    rows: tuple[CaseloadRow, ...]
    total: int


def _param(spec: tuple[Any, ...], today: date, caseworker: str | None, limit: int) -> Any:
    kind = spec[0]
    if kind == "today":
        return (today + timedelta(days=spec[1])).isoformat()  # SQLAlchemy's SQLite DATE text
    if kind == "caseworker":
        return caseworker
    if kind == "limit":
        return limit
    if kind == "offset":
        return 0
    return spec[1]


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def quick_caseload(path: Path | str | None, today: date, caseworker: str | None, limit: int) -> QuickCaseload | None:
    if path is None or not Path(path).is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        return _read(con, today, caseworker, limit)
    except (sqlite3.Error, ValueError, TypeError):
        return None  # damaged, locked, foreign: the full store will say what is wrong
    finally:
        con.close()


def _read(con: sqlite3.Connection, today: date, caseworker: str | None, limit: int) -> QuickCaseload | None:
    if horizons(today) != HORIZONS:
        return None  # the SQL's date offsets were compiled for other rule horizons
    version = con.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(version) != 1 or version[0][0] != schema_head():
        return None
    stamp = con.execute("SELECT value FROM meta WHERE key = ?", (STAMP_KEY,)).fetchone()
    if stamp is None or stamp[0] != rules_stamp():
        return None
    if caseworker is None:
        workers = con.execute("SELECT DISTINCT caseworker FROM citizen WHERE caseworker IS NOT NULL LIMIT 2").fetchall()
        if len(workers) > 1:
            return None  # a team database: the store will ask whose caseload to show, never all
    _know_public_holidays()
    which = "own" if caseworker is not None else "all"
    sql, specs = QUERIES[f"page_{which}"]
    raw = con.execute(sql, [_param(s, today, caseworker, limit) for s in specs]).fetchall()
    page = [(cid, cpr, name, _date(due), _datetime(contact), _datetime(held), items, _datetime(planned),
             _date(first_request), held_days, started)
            for cid, cpr, name, due, contact, held, items, planned, first_request, held_days, started in raw]
    flags: dict[int, list[str]] = defaultdict(list)
    if page:
        ids = [row[0] for row in page]
        query = _FLAGS.format(marks=",".join("?" * len(ids)))
        for cid, text in con.execute(query, [*ids, today.isoformat(), today.isoformat()]):
            flags[cid].append(text)
    count_sql, count_specs = QUERIES[f"count_{which}"]
    total = con.execute(count_sql, [_param(s, today, caseworker, limit) for s in count_specs]).fetchone()[0]
    return QuickCaseload(tuple(caseload_rows(page, flags, today)), total)


def _know_public_holidays() -> None:
    """The open-item counts move period ends off closed days, which asked the `holidays`
    package: importing it and building Denmark's calendar took ~130 ms, a third of the way
    to the first frame (issue 15). The table made from the same version says the same."""
    from store.quick import public_holidays

    if public_holidays.HOLIDAYS_VERSION != holidays_version():
        return  # another version may say otherwise: the package itself is asked
    for country, years in public_holidays.PUBLIC.items():
        know_public_holidays(country, {
            year: frozenset(date(year, int(text[:2]), int(text[3:])) for text in days.split())
            for year, days in years.items()})
