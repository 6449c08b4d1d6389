"""A few thousand citizens with their rows, inserted in bulk (no commands, no undo), for
query-plan tests. Deadlines are stored as derive would roughly store them; the plans, not the
values, are what these tests look at."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, insert

from store.db.models import (
    CaseNote, Citizen, CitizenFlag, ContactEntry, DoctorRequest, Hearing, Meeting, PreparatoryPlan,
    ProgressReport, Supplier, SupplierCourse, Task,
)
from store.db.session import writing


def fill(engine: Engine, citizens: int, today: date, seed: int = 7) -> None:
    rnd = random.Random(seed)
    day = lambda back, ahead=0: today + timedelta(days=rnd.randint(-back, ahead))  # noqa: E731
    rows: dict[type, list[dict]] = {m: [] for m in (
        Citizen, CitizenFlag, Meeting, ContactEntry, DoctorRequest, SupplierCourse, ProgressReport, Hearing,
        Task, CaseNote, PreparatoryPlan,
    )}
    for cid in range(1, citizens + 1):
        status = "closed" if cid % 10 == 0 else "active"
        rows[Citizen].append(dict(
            id=cid, cpr=f"{cid % 28 + 1:02d}0190-{cid:04d}", name=f"Borger {rnd.randint(0, 99999):05d}",
            first_request=day(900, -10), status=status, closed_on=day(300) if status == "closed" else None,
            outcome="job" if status == "closed" else None, caseworker=f"cw{cid % 4}",
            next_due=None if cid % 97 == 0 else day(60, 90), interval="6w" if cid % 7 == 0 else None,
            due_paused_days=0,
        ))
        for _ in range(3):
            start = datetime.combine(day(400, 20), datetime.min.time()) + timedelta(hours=rnd.randint(8, 15))
            rows[Meeting].append(dict(citizen_id=cid, start=start, day=start.date(), status=rnd.choice(("held", "held", "planned", "no_show"))))
        for _ in range(2):
            at = datetime.combine(day(200), datetime.min.time()) + timedelta(hours=rnd.randint(8, 15))
            rows[ContactEntry].append(dict(citizen_id=cid, at=at, note="opkald"))
            rows[CaseNote].append(dict(citizen_id=cid, at=at, text="notat"))
        if cid % 3 == 0:
            sent = day(90)
            rows[DoctorRequest].append(dict(citizen_id=cid, form="LÆ 125", doctor=f"Læge {cid % 50}", sent=sent,
                                            answer_due=sent + timedelta(days=14), status=rnd.choice(("sent", "answered"))))
        if cid % 5 == 0:
            start = day(200)
            rows[SupplierCourse].append(dict(
                id=len(rows[SupplierCourse]) + 1, citizen_id=cid, supplier_id=cid % 20 + 1, title="Forløb", start=start,
                end=start + timedelta(days=rnd.randint(60, 300)), status=rnd.choice(("active", "ordered", "completed")),
                next_report_due=day(40, 40), next_three_party_due=day(40, 40),
            ))
            rows[ProgressReport].append(dict(course_id=len(rows[SupplierCourse]), received=day(100)))
        if cid % 11 == 0:
            rows[CitizenFlag].append(dict(citizen_id=cid, text="Angst", starts=None, ends=None))
            rows[Hearing].append(dict(citizen_id=cid, trigger="no_show", failure_date=day(60),
                                      decision_due=day(0, 90), decided_on=None))
            rows[Task].append(dict(citizen_id=cid, title="Ring", due=day(10, 10)))
            rows[PreparatoryPlan].append(dict(citizen_id=cid, team_meeting=day(300, 30), status="open"))
    with writing(engine) as s:
        s.execute(insert(Supplier), [dict(id=i, name=f"Leverandør {i}") for i in range(1, 21)])
        for model, batch in rows.items():
            if batch:
                s.execute(insert(model), batch)
