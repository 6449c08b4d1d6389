"""A small database holding every entity and every awkward kind of text, written with the
ORM directly so the round trip does not depend on the write commands."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from store.db.models import (
    Absence, CaseNote, Citizen, CitizenFlag, ContactEntry, DoctorRequest, Hearing, Meeting, NetworkPerson,
    PlanItem, PreparatoryPlan, ProgressReport, Supplier, SupplierCourse, Task,
)
from store.portable.spec import checklist_keys

ODD = "Æble på ø [bold]fed[/] [/] 🙂 linje 1\nlinje 2\ttab \u200fمرحبا\u200f \\ \"citat\" \x1b[31m"
CPR_A = "010190-1234"  # listed second in the file: citizens are ordered by CPR
CPR_B = "010185-4321"
CPR_C = "311299-9995"


def meeting(citizen: Citizen, start: datetime, status: str = "held", **kw) -> Meeting:  # type: ignore[no-untyped-def]
    return Meeting(citizen_id=citizen.id, start=start, day=start.date(), status=status, **kw)


def full_database(engine: Engine) -> None:
    with Session(engine) as s:
        # Inserted out of name order, so the export's own ordering is what is tested.
        zeta = Supplier(name="Zeta Jobhus ÆØÅ", contact="Kim [i]", phone="+45 11 22 33 44", email="z@example.dk")
        alfa = Supplier(name="Alfa Aktør", contact=None, phone=None, email=None)
        s.add_all([zeta, alfa])
        a = Citizen(
            cpr=CPR_A, name="Åse Ørnebjerg [bold]", phone="+45 20 30 40 50", email="aase@example.dk",
            address=f"Lærkevej 1\n{ODD}", first_request=date(2026, 1, 5), interval="6w",
            preferred_place="home", interpreter_language="arabisk", status="active", caseworker="pks1",
        )
        b = Citizen(
            cpr=CPR_B, name="Bo 😀 Jensen", first_request=date(2025, 3, 1), status="closed",
            closed_on=date(2026, 6, 30), outcome="fleksjob", outcome_note=ODD,
        )
        c = Citizen(cpr=CPR_C, name="[/]", first_request=date(2026, 11, 1), status="active")
        s.add_all([a, b, c])
        s.flush()
        s.add_all([
            CitizenFlag(citizen_id=a.id, text="angst: mød hjemme", starts=date(2026, 1, 5), ends=None),
            CitizenFlag(citizen_id=a.id, text=ODD, starts=None, ends=date(2026, 12, 31)),
        ])
        course_late = SupplierCourse(
            citizen_id=a.id, supplier_id=zeta.id, title="Afklaring [x]", purpose=ODD, plan="plan",
            start=date(2026, 9, 1), end=date(2026, 12, 1), report_cadence="1m", three_party_interval="6w",
            last_three_party=date(2026, 10, 1), status="active", next_step=None, stop_reason=None,
        )
        course_early = SupplierCourse(
            citizen_id=a.id, supplier_id=alfa.id, title="Mentor", start=date(2026, 2, 1), end=date(2026, 4, 30),
            report_cadence="2w", status="stopped", stop_reason="virkede ikke", next_step="ny plan",
        )
        s.add_all([course_late, course_early])
        s.flush()
        s.add_all([
            ProgressReport(course_id=course_late.id, expected=date(2026, 10, 1), received=date(2026, 10, 3),
                           read_on=date(2026, 10, 4), summary=ODD),
            ProgressReport(course_id=course_late.id, expected=None, received=date(2026, 9, 20)),
        ])
        held = meeting(a, datetime(2026, 9, 1, 9, 30), minutes=45, place="supplier", place_detail="Zeta, 2. sal",
                       kind="three_party", prepared=True, preparation_note=ODD, summary="gik godt", agreement="🙂",
                       course_id=course_late.id)
        no_show = meeting(a, datetime(2026, 10, 6, 13, 0), status="no_show", minutes=30, place="jobcentre", kind="job")
        s.add_all([
            held, no_show,
            # Two meetings at the same minute: the order between them must survive too.
            meeting(a, datetime(2026, 11, 24, 10, 0), status="planned", minutes=60, place="video", kind="follow_up"),
            meeting(a, datetime(2026, 11, 24, 10, 0), status="cancelled", minutes=90, place="phone", kind="other",
                    absence_accepted=True),
            meeting(b, datetime(2025, 3, 5, 8, 0, 0, 123456), minutes=60, place="jobcentre", kind="job"),
        ])
        s.flush()
        s.add_all([
            ContactEntry(citizen_id=a.id, at=datetime(2026, 10, 6, 14, 5), channel="sms", direction="out",
                         reached=False, note=ODD),
            ContactEntry(citizen_id=a.id, at=datetime(2026, 10, 6, 9, 0), channel="phone", direction="in",
                         reached=True, note=None),
            Absence(citizen_id=a.id, kind="sickness", first_day=date(2026, 7, 1), last_day=date(2026, 7, 14), note=ODD),
            Absence(citizen_id=a.id, kind="holiday", first_day=date(2026, 8, 3), last_day=date(2026, 8, 3), note=None),
            DoctorRequest(citizen_id=a.id, form="LÆ 265", doctor="Lægehuset [b]", questions=ODD, sent=date(2026, 9, 1),
                          consultation=date(2026, 9, 10), answer_due=date(2026, 9, 24), answered=None,
                          answer_use=None, status="sent", reminders=2, last_reminder=date(2026, 10, 1)),
            DoctorRequest(citizen_id=b.id, form="LÆ 125", doctor="Dr. Ø", sent=date(2025, 4, 1),
                          answer_due=date(2025, 4, 20), answered=date(2025, 4, 18), answer_use="brugt i planen",
                          status="answered", reminders=0),
            NetworkPerson(citizen_id=a.id, role="mentor", name="Mette", organisation="Zeta", contact="+45 99",
                          starts=date(2026, 9, 1), ends=None),
            NetworkPerson(citizen_id=a.id, role="interpreter", name=ODD, organisation=None, contact=None),
            CaseNote(citizen_id=a.id, at=datetime(2026, 10, 6, 14, 10), text=ODD),
            CaseNote(citizen_id=b.id, at=datetime(2025, 3, 5, 9, 0), text="Første samtale."),
            Task(citizen_id=a.id, title="Ring til lægen", due=date(2026, 11, 25), done_on=None),
            Task(citizen_id=None, title=f"Teammøde {ODD}", due=None, done_on=None),
            Task(citizen_id=None, title="Opdatér sagsstamme", due=date(2026, 12, 1), done_on=date(2026, 11, 20)),
            Hearing(citizen_id=a.id, meeting_id=no_show.id, trigger="udeblev [b]", failure_date=date(2026, 10, 6),
                    sent=date(2026, 10, 7), reply_due=date(2026, 10, 14), decision_due=date(2027, 1, 6),
                    outcome=None, decided_on=None),
            Hearing(citizen_id=b.id, meeting_id=None, trigger="andet", failure_date=date(2025, 5, 1),
                    decision_due=date(2025, 8, 1), outcome="absence_accepted", decided_on=date(2025, 5, 20)),
        ])
        plan = PreparatoryPlan(citizen_id=a.id, team_meeting=date(2026, 12, 10), status="open")
        decided = PreparatoryPlan(citizen_id=b.id, recommendation="fleksjob", decision=ODD,
                                  decided_on=date(2026, 6, 1), status="decided")
        s.add_all([plan, decided])
        s.flush()
        for position, key in reversed(list(enumerate(checklist_keys()))):
            s.add(PlanItem(plan_id=plan.id, key=key, position=position, done=position < 2,
                           done_on=date(2026, 10, 1) if position < 2 else None, note=ODD if position == 0 else None))
        s.add(PlanItem(plan_id=decided.id, key="goals", position=0, done=True, done_on=date(2026, 5, 1)))
        s.commit()
