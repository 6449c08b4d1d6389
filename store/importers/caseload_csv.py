"""Import a caseload from a spreadsheet: one citizen per row, all or nothing.

Every row is checked before anything is written, and every problem is reported with the
row number a spreadsheet shows and the column name, so the caseworker fixes the file in one
pass. The CPR numbers already in the database are checked inside the write transaction, so
two imports at once cannot both add the same person."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Meeting
from store.db.session import writing
from store.importers.csv_table import CsvRow, decode, read_rows
from store.importers.deadlines import refresh_imported
from store.importers.errors import ErrorList, ImportSummary, mask_cpr
from store.importers.problem import Problem, at_cell
from store.importers.values import file_date, file_interval

COLUMNS = ("cpr", "name", "phone", "email", "first_request", "last_meeting", "interval")
# The stored column widths (String(n)), so PostgreSQL never refuses half-way through.
LIMITS = {"name": 200, "phone": 40, "email": 200}
# A last meeting from the file is a fact about the past, but its hour and length are unknown;
# these placeholders make it a normal held meeting that moves the deadline.
HELD_AT = time(9, 0)
HELD_MINUTES = 60
CHUNK = 500  # bound parameters per IN (...) lookup, well under every database's limit


@dataclass(frozen=True)
class CaseloadRow:
    number: int
    cpr: str
    name: str
    phone: str | None
    email: str | None
    first_request: date
    last_meeting: date | None
    interval: str | None


def import_caseload_csv(
    engine: Engine, path: str | os.PathLike[str], today: date, *, caseworker: str | None = None
) -> ImportSummary:
    """Raises ImportRefused (nothing written) or returns what was imported."""
    with open(path, "rb") as fh:
        data = fh.read()
    errors = ErrorList()
    text = decode(data, errors)
    errors.refuse_if_any()
    table = read_rows(text or "", COLUMNS, errors)
    errors.refuse_if_any()
    warnings: list[str] = []
    rows = [row for row in (_validate(raw, today, errors, warnings) for raw in table) if row is not None]
    _no_duplicates(rows, errors)
    errors.refuse_if_any()
    with writing(engine) as session:
        _not_in_database(session, rows, errors)
        errors.refuse_if_any()  # raised inside the transaction: rolled back, nothing written
        meetings = _write(session, rows, caseworker)
    return ImportSummary(
        citizens=len(rows), meetings=meetings, records=len(rows) + meetings, warnings=tuple(warnings)
    )


def _validate(raw: CsvRow, today: date, errors: ErrorList, warnings: list[str]) -> CaseloadRow | None:
    from store.parse import ParseError, parse_cpr

    n, cells = raw.number, raw.cells
    before = len(errors.items)

    def problem(column: str, message: str) -> None:
        errors.add(at_cell(n, column, message))

    for column, value in cells.items():
        if "\x00" in value:
            problem(column, Problem("nul", "contains a NUL character; remove it"))
        elif column in LIMITS and len(value) > LIMITS[column]:
            problem(column, Problem("too_long", f"is longer than {LIMITS[column]} characters", limit=LIMITS[column]))

    cpr = ""
    if not cells["cpr"]:
        problem("cpr", Problem("cpr_empty", "is empty; every citizen needs a CPR number (DDMMYY-SSSS)"))
    else:
        try:
            result = parse_cpr(cells["cpr"])
            cpr = result.cpr
            if not result.modulus11_ok:
                # Numbers issued since 2007 may fail the old check digit test: warn, never refuse.
                warnings.append(Problem("modulus11", f"row {n}: CPR {mask_cpr(cpr)} fails the modulus-11 check; imported anyway, please check it",
                                        row=n, cpr=mask_cpr(cpr)))
        except ParseError as exc:
            problem("cpr", Problem("cpr_invalid", f"{mask_cpr(cells['cpr'])} is not a valid CPR number ({exc.message})",
                                   cpr=mask_cpr(cells["cpr"])))

    if not cells["name"]:
        problem("name", Problem("name_empty", "is empty; every citizen needs a name"))

    first_request = _date(cells, "first_request", today, problem, required=True)
    last_meeting = _date(cells, "last_meeting", today, problem, required=False)
    if first_request and first_request > today:
        problem("first_request", Problem("after_today", f"{first_request.isoformat()} is after today ({today.isoformat()})",
                                         value=first_request.isoformat(), today=today.isoformat()))
    if last_meeting and last_meeting > today:
        problem("last_meeting", Problem("held_in_future", f"{last_meeting.isoformat()} is after today ({today.isoformat()}); "
                "a held meeting cannot be in the future, plan it in the program instead",
                value=last_meeting.isoformat(), today=today.isoformat()))
    if first_request and last_meeting and last_meeting < first_request:
        # History from an earlier case period is real and still counts as the last contact.
        warnings.append(Problem("history", f"row {n}: last_meeting {last_meeting.isoformat()} is before first_request; imported as history",
                                row=n, value=last_meeting.isoformat()))

    interval = None
    if cells["interval"]:
        try:
            interval = file_interval(cells["interval"])
        except ValueError as exc:
            problem("interval", exc.args[0])

    if len(errors.items) > before or errors.full or first_request is None:
        return None
    return CaseloadRow(
        number=n, cpr=cpr, name=cells["name"], phone=cells["phone"] or None, email=cells["email"] or None,
        first_request=first_request, last_meeting=last_meeting, interval=interval,
    )


def _date(cells: dict[str, str], column: str, today: date, problem, *, required: bool) -> date | None:  # type: ignore[no-untyped-def]
    value = cells[column]
    if not value:
        if required:
            problem(column, Problem("date_empty", f"is empty; write the date as YYYY-MM-DD or DD-MM-YYYY, e.g. {today.isoformat()}",
                                    iso=today.isoformat()))
        return None
    try:
        return file_date(value, today)
    except ValueError as exc:
        problem(column, exc.args[0])
        return None


def _no_duplicates(rows: list[CaseloadRow], errors: ErrorList) -> None:
    first_seen: dict[str, int] = {}
    for row in rows:
        if row.cpr in first_seen:
            errors.add(at_cell(row.number, "cpr", Problem("cpr_twice", f"{mask_cpr(row.cpr)} is also on row {first_seen[row.cpr]}",
                                                          cpr=mask_cpr(row.cpr), other=first_seen[row.cpr])))
        else:
            first_seen[row.cpr] = row.number


def _not_in_database(session: Session, rows: list[CaseloadRow], errors: ErrorList) -> None:
    by_cpr = {row.cpr: row.number for row in rows}
    cprs = sorted(by_cpr)
    known: set[str] = set()
    for start in range(0, len(cprs), CHUNK):
        known.update(session.scalars(select(Citizen.cpr).where(Citizen.cpr.in_(cprs[start:start + CHUNK]))))
    for cpr in sorted(known, key=by_cpr.__getitem__):
        errors.add(at_cell(by_cpr[cpr], "cpr", Problem("cpr_known", f"a citizen with CPR {mask_cpr(cpr)} is already in the database",
                                                       cpr=mask_cpr(cpr))))


def _write(session: Session, rows: list[CaseloadRow], caseworker: str | None) -> int:
    citizens = [
        Citizen(
            cpr=row.cpr, name=row.name, phone=row.phone, email=row.email, first_request=row.first_request,
            interval=row.interval, status="active", caseworker=caseworker,
        )
        for row in rows
    ]
    session.add_all(citizens)
    session.flush()
    meetings = [
        Meeting(
            citizen_id=citizen.id, start=datetime.combine(row.last_meeting, HELD_AT), day=row.last_meeting,
            minutes=HELD_MINUTES, place="jobcentre", kind="job", status="held",
            prepared=False, absence_accepted=False,
        )
        for citizen, row in zip(citizens, rows)
        if row.last_meeting is not None
    ]
    session.add_all(meetings)
    session.flush()
    refresh_imported(session, [citizen.id for citizen in citizens])
    return len(meetings)


__all__ = ["COLUMNS", "CaseloadRow", "import_caseload_csv"]
