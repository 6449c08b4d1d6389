"""Stored deadlines for freshly imported rows, inside the import's own transaction.

`store.derive.refresh_citizen` flushes and queries once per citizen, which makes a 20,000-row
import several times slower; `refresh_all` is batched but opens its own transaction, and running it
after the import commits would leave a window in which imported citizens have no deadline
(and so look as if nothing were due). This gathers the same inputs refresh_all does, for just
the imported rows, and lets store.derive compute the values."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from store.db.models import Absence, Citizen, Meeting, ProgressReport, SupplierCourse
from store.importers.errors import ErrorList, mask_cpr
from store.importers.problem import Problem
from store.importers.values import quoted

CHUNK = 500  # bound parameters per IN (...) lookup
# What date arithmetic raises at the edges of the calendar. The validators keep dates within
# sane years, so this is the last line of defence: a refusal, never a traceback.
UNCOMPUTABLE = (ValueError, OverflowError, ArithmeticError)


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def refresh_imported(session: Session, citizen_ids: Sequence[int], course_ids: Sequence[int] = ()) -> None:
    from store.derive import citizen_deadline_values, course_values, rules_stamp

    session.flush()
    errors = ErrorList()
    stamp = rules_stamp()
    held: dict[int, list[date]] = defaultdict(list)
    absences: dict[int, list[tuple[date, date]]] = defaultdict(list)
    batch = []
    for ids in _chunks(citizen_ids):
        for cid, day in session.execute(
            select(Meeting.citizen_id, Meeting.day).where(Meeting.citizen_id.in_(ids), Meeting.status == "held")
        ):
            held[cid].append(day)
        for cid, first, last in session.execute(
            select(Absence.citizen_id, Absence.first_day, Absence.last_day).where(Absence.citizen_id.in_(ids))
        ):
            absences[cid].append((first, last))
        for cid, cpr, first_request, interval in session.execute(
            select(Citizen.id, Citizen.cpr, Citizen.first_request, Citizen.interval).where(Citizen.id.in_(ids))
        ):
            try:
                values = citizen_deadline_values(first_request, interval, held.get(cid, ()), absences.get(cid, ()))
            except UNCOMPUTABLE as exc:
                errors.add(Problem("deadline_none", f"citizen {mask_cpr(cpr)}: no meeting deadline can be computed from these dates ({exc})",
                                   cpr=mask_cpr(cpr), detail=str(exc)))
                continue
            batch.append({"id": cid, "rules_stamp": stamp, **values})
    if batch:
        session.execute(update(Citizen), batch, execution_options={"synchronize_session": False})

    received: dict[int, list[date]] = defaultdict(list)
    course_batch = []
    for ids in _chunks(course_ids):
        for course_id, day in session.execute(
            select(ProgressReport.course_id, ProgressReport.received).where(ProgressReport.course_id.in_(ids))
        ):
            received[course_id].append(day)
        for course, cpr in session.execute(
            select(SupplierCourse, Citizen.cpr).join(Citizen).where(SupplierCourse.id.in_(ids))
        ):
            try:
                course_batch.append({"id": course.id, **course_values(course, sorted(received.get(course.id, [])))})
            except UNCOMPUTABLE as exc:
                errors.add(Problem("course_deadline_none", f"citizen {mask_cpr(cpr)}, course {quoted(course.title)}: "
                                   f"no report deadline can be computed from these dates ({exc})",
                                   cpr=mask_cpr(cpr), course=quoted(course.title), detail=str(exc)))
    errors.refuse_if_any()  # raised inside the import's transaction: nothing is kept
    if course_batch:
        session.execute(update(SupplierCourse), course_batch, execution_options={"synchronize_session": False})
