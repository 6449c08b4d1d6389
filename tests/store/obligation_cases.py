"""One hand-worked case per obligation kind, on TODAY = Monday 23 Nov 2026. Every date below
was worked out by hand from the rule profiles (store/rules/profiles/*.toml); the comments show
the arithmetic. `EXPECTED` is what `sagsdag due --json --until 2027-03-31` must answer."""

from __future__ import annotations

from store.clock import Clock
from store.facade import Store

from datetime import date, datetime

from store.commands import citizens, courses, doctor, journal_entries, meetings, plans
from tests.conftest import TODAY

D = date.fromisoformat
UNTIL = D("2027-03-31")


def at(day: str, hour: int = 10) -> datetime:
    return datetime.combine(D(day), datetime.min.time()).replace(hour=hour)


def _citizen(store, cpr: str, name: str, first_request: str, held: tuple[str, ...] = ()) -> int:  # type: ignore[no-untyped-def]
    cid = store.execute(citizens.CreateCitizen(cpr=cpr, name=name, first_request=D(first_request))).value
    for day in held:
        mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=at(day))).value
        store.execute(meetings.MarkHeld(meeting_id=mid))
    return cid


def build(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The citizens, by the kind each one illustrates. Old first requests with an early course
    keep the unrelated kinds (offer, first period) out of each citizen's way."""
    ids: dict[str, int] = {}

    def old(cpr: str, name: str, held: tuple[str, ...] = ()) -> int:
        cid = _citizen(store, cpr, name, "2025-01-06", ("2025-01-08", "2025-02-20", "2025-04-10", "2025-06-02", *held))
        # An offer in the first months: ret og pligt is met, and nothing else is owed by it.
        course = store.execute(courses.OrderCourse(citizen_id=cid, supplier="Tidligere aktør", title="Afklaring",
                           start=D("2025-03-03"), end=D("2025-05-30"))).value
        store.execute(courses.SetNextStep(course_id=course, next_step="Afsluttet"))
        store.execute(courses.StopCourse(course_id=course, reason="Afsluttet", stopped_on=D("2025-05-30")))
        return cid

    # next_meeting: held Mon 31 Aug 2026 + 3 months = Mon 30 Nov 2026 (open); booked Fri 27 Nov 10.00.
    ids["next_meeting"] = old("010185-1001", "Anna Næste", ("2026-08-31",))
    store.execute(meetings.PlanMeeting(citizen_id=ids["next_meeting"], start=at("2026-11-27")))

    # first_period: request Mon 3 Aug 2026, period to Tue 2 Feb 2027 (3 Feb 2027 - 1 day, open).
    # One held (Fri 7 Aug), 3 owed: 179 days / 3 = 59 -> Mon 5 Oct 2026; 49 days overdue.
    ids["first_period"] = _citizen(store, "020286-1002", "Bo Første", "2026-08-03", ("2026-08-07",))

    # hearing_reply: no-show Mon 16 Nov 2026, hearing sent the same day + 14 days = Mon 30 Nov.
    ids["hearing_reply"] = old("030387-1003", "Cecilie Høring", ("2026-10-01",))
    mid = store.execute(meetings.PlanMeeting(citizen_id=ids["hearing_reply"], start=at("2026-11-16"))).value
    on_the_day = Store(store.engine, clock=Clock(D("2026-11-16")), caseworker=store.caseworker)  # hearing sent that day
    on_the_day.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing"))

    # sanction_decision: no-show Fri 4 Sep 2026, "decide later" (no hearing). Whole months Oct,
    # Nov, Dec -> Thu 31 Dec 2026, closed (nytårsaftensdag) -> Wed 30 Dec.
    ids["sanction_decision"] = old("040488-1004", "Dan Sanktion", ("2026-10-05",))
    mid = store.execute(meetings.PlanMeeting(citizen_id=ids["sanction_decision"], start=at("2026-09-04"))).value
    store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="later"))

    # doctor_answer: LÆ 125 sent Mon 2 Nov 2026 + 14 days = Mon 16 Nov; 7 days overdue.
    ids["doctor_answer"] = old("050589-1005", "Eva Attest", ("2026-10-06",))
    store.execute(doctor.OrderCertificate(citizen_id=ids["doctor_answer"], form="LÆ 125", doctor="Lægehuset", sent=D("2026-11-02")))

    # report: course from Tue 15 Sep 2026, monthly; expected 15 Oct (received 16 Oct) and
    # Sun 15 Nov; + 7 grace days = Sun 22 Nov (the supplier's date, not moved); 1 day overdue.
    ids["report"] = old("060690-1006", "Frank Rapport", ("2026-10-07",))
    course = store.execute(courses.OrderCourse(citizen_id=ids["report"], supplier="Aktør A", title="Praktik",
                       start=D("2026-09-15"), end=D("2027-03-15"), report_cadence="1m")).value
    store.execute(courses.RegisterReport(course_id=course, received=D("2026-10-16")))
    store.execute(courses.SetNextStep(course_id=course, next_step="Løntilskud"))

    # three_party: course from Mon 1 Jun 2026 without its own interval (profile default 3m); a
    # linked three-party meeting held Thu 10 Sep -> Thu 10 Dec 2026 (open). Booked Mon 14 Dec
    # 10.00: after the deadline, so "too late".
    ids["three_party"] = old("070791-1007", "Gitte Trepart", ("2026-10-08",))
    course = store.execute(courses.OrderCourse(citizen_id=ids["three_party"], supplier="Aktør B", title="Mentor",
                       start=D("2026-06-01"), end=D("2027-05-31"), report_cadence="6m")).value
    store.execute(courses.SetNextStep(course_id=course, next_step="Job"))
    held = store.execute(meetings.PlanMeeting(citizen_id=ids["three_party"], start=at("2026-09-10"), kind="three_party",
                     course_id=course)).value
    store.execute(meetings.MarkHeld(meeting_id=held))
    store.execute(meetings.PlanMeeting(citizen_id=ids["three_party"], start=at("2026-12-14"), kind="three_party", course_id=course))

    # course_end: a course ending Fri 4 Dec 2026 with no next step: 11 days left, within the
    # profile's 14 course_ending_days -> due soon.
    ids["course_end"] = old("080892-1008", "Hans Slut", ("2026-10-09",))
    store.execute(courses.OrderCourse(citizen_id=ids["course_end"], supplier="Aktør C", title="Værksted",
              start=D("2026-09-07"), end=D("2026-12-04"), report_cadence="6m", three_party_interval="6m"))

    # offer (2026 profile, first request from 1 July 2026): Thu 2 Jul 2026 + 6 months = Sat 2 Jan
    # 2027 (closed) -> Fri 1 Jan (New Year's Day, closed) -> Thu 31 Dec (closed) -> Wed 30 Dec;
    # 37 days. Four held meetings, so the first period owes nothing.
    ids["offer"] = _citizen(store, "090993-1009", "Ida Tilbud", "2026-07-02",
                            ("2026-07-07", "2026-08-18", "2026-09-29", "2026-11-10"))

    # rehab_team: team Thu 7 Jan 2027 - 14 days = Thu 24 Dec 2026 (closed) -> Wed 23 Dec.
    ids["rehab_team"] = old("101094-1010", "Jens Rehab", ("2026-10-12",))
    plan = store.execute(plans.OpenPlan(citizen_id=ids["rehab_team"], team_meeting=D("2027-01-07"))).value
    _tick_two(store, plan)

    # task: due Fri 20 Nov 2026, not done; 3 days overdue.
    ids["task"] = old("111195-1011", "Karen Opgave", ("2026-10-13",))
    store.execute(journal_entries.AddTask(citizen_id=ids["task"], title="Ring til mentor", due=D("2026-11-20")))

    # A closed case owes nothing, not even its task or its no-show.
    closed = old("121296-1012", "Lars Lukket", ("2026-10-14",))
    store.execute(journal_entries.AddTask(citizen_id=closed, title="Arkivér", due=D("2026-11-20")))
    mid = store.execute(meetings.PlanMeeting(citizen_id=closed, start=at("2026-11-02"))).value
    store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="later"))
    store.execute(citizens.CloseCase(citizen_id=closed, outcome="job", closed_on=TODAY))
    ids["closed"] = closed
    return ids


def _tick_two(store, plan_id: int) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from store.db.models import PlanItem
    from store.db.session import reading

    with reading(store.engine) as s:
        items = s.scalars(select(PlanItem.id).where(PlanItem.plan_id == plan_id).order_by(PlanItem.position)).all()
    for item in items[:2]:
        store.execute(plans.TickPlanItem(item_id=item, done=True))


# kind -> (citizen name, due, days_left, status, planned)
EXPECTED = {
    "next_meeting": ("Anna Næste", "2026-11-30", 7, "soon", "2026-11-27T10:00"),
    "first_period": ("Bo Første", "2026-10-05", -49, "overdue", None),
    "hearing_reply": ("Cecilie Høring", "2026-11-30", 7, "soon", None),
    "sanction_decision": ("Dan Sanktion", "2026-12-30", 37, "ok", None),
    "doctor_answer": ("Eva Attest", "2026-11-16", -7, "overdue", None),
    "report": ("Frank Rapport", "2026-11-22", -1, "overdue", None),
    "three_party": ("Gitte Trepart", "2026-12-10", 17, "ok", "2026-12-14T10:00"),
    "course_end": ("Hans Slut", "2026-12-04", 11, "soon", None),
    "offer": ("Ida Tilbud", "2026-12-30", 37, "ok", None),
    "rehab_team": ("Jens Rehab", "2026-12-23", 30, "ok", None),
    "task": ("Karen Opgave", "2026-11-20", -3, "overdue", None),
}
