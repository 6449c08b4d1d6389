"""The records of the rest of the caseworker's day in a citizen's file: missed course days,
case-sparring notes, and the contact attempts linked to each hearing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from store import records
from store.convert import to_record
from store.db.models import CourseAbsence, HearingContact, SparringNote


@dataclass(frozen=True, slots=True)
class DayLists:
    course_absences: tuple[records.CourseAbsence, ...]
    sparring_notes: tuple[records.SparringNote, ...]
    hearings: tuple[records.Hearing, ...]  # the ones given, each with its linked contacts


def day_lists(session: Session, citizen_id: int, hearings: tuple[records.Hearing, ...]) -> DayLists:
    absences = tuple(
        to_record(row, records.CourseAbsence) for row in session.scalars(
            select(CourseAbsence).where(CourseAbsence.citizen_id == citizen_id)
            .order_by(CourseAbsence.first_day, CourseAbsence.id))
    )
    notes = tuple(
        to_record(row, records.SparringNote) for row in session.scalars(
            select(SparringNote).where(SparringNote.citizen_id == citizen_id).order_by(SparringNote.on, SparringNote.id))
    )
    linked: dict[int, list[int]] = defaultdict(list)
    if hearings:
        stmt = (select(HearingContact.hearing_id, HearingContact.contact_id)
                .where(HearingContact.hearing_id.in_([h.id for h in hearings])).order_by(HearingContact.id))
        for hearing_id, contact_id in session.execute(stmt):
            linked[hearing_id].append(contact_id)
    return DayLists(
        course_absences=absences,
        sparring_notes=notes,
        hearings=tuple(replace(h, contact_ids=tuple(linked[h.id])) for h in hearings),
    )
