"""Small hand-built caseloads for the pane queries, written through the store's own commands
so the stored deadlines are derived exactly as in use."""

from __future__ import annotations

from datetime import date, datetime

from store.commands import citizens, courses, doctor, journal_entries, meetings
from store.facade import Store

_serial = iter(range(1000, 9999))


def citizen(store: Store, name: str, first_request: date = date(2026, 1, 5), *, cpr: str | None = None,
            interval: str | None = None) -> int:
    cpr = cpr or f"010190-{next(_serial)}"
    return store.execute(citizens.CreateCitizen(cpr=cpr, name=name, first_request=first_request, interval=interval)).value


def held(store: Store, citizen_id: int, at: datetime, summary: str | None = None) -> int:
    mid = store.execute(meetings.PlanMeeting(citizen_id=citizen_id, start=at, minutes=45)).value
    store.execute(meetings.MarkHeld(meeting_id=mid, summary=summary))
    return mid


def contact(store: Store, citizen_id: int, at: datetime, note: str | None = None, reached: bool = True) -> int:
    return store.execute(journal_entries.LogContact(citizen_id=citizen_id, at=at, channel="phone", direction="out", reached=reached, note=note)).value


def certificate(store: Store, citizen_id: int, sent: date, doctor_name: str = "Lægehuset Nørrebro", form: str = "LÆ 125") -> int:
    return store.execute(doctor.OrderCertificate(citizen_id=citizen_id, form=form, doctor=doctor_name, sent=sent)).value


def course(store: Store, citizen_id: int, start: date, end: date, *, supplier: str = "Jobværkstedet",
           title: str = "Afklaring", cadence: str = "1m", three_party: str | None = None) -> int:
    return store.execute(courses.OrderCourse(citizen_id=citizen_id, supplier=supplier, title=title, start=start, end=end, report_cadence=cadence, three_party_interval=three_party)).value


def close(store: Store, citizen_id: int, closed_on: date, outcome: str = "job") -> None:
    store.execute(citizens.CloseCase(citizen_id=citizen_id, outcome=outcome, closed_on=closed_on))
