"""The rest of the caseworker's day at the store level: one test (or a few) per item of the
issue, each through the typed commands."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from store.commands import citizens, courses, doctor, journal_entries, meetings, plans
from store.commands.certificates import CloseTasks
from store.commands.decisions import DecideHearing
from store.commands.doctor import OrderCertificate, RegisterAnswer, SetConsultation
from store.commands.course_days import RecordMissedCourseDays
from store.commands.course_follow import SetCourseType
from store.commands.courses import MarkReportRead
from store.commands.hearings import LogHearingContact, RecordGuidance, RecordHearingReply
from store.commands.meeting_day import CitizenCancelled, MoveMeeting, RecordInvitation, SetPrepared
from store.commands.certificates import recent_answers
from store.commands.sparring import DiscussedAtSparring
from store.db.session import reading
from store.errors import Invalid
from store.facade import Store
from store.rules import profile_for

TODAY = date(2026, 11, 23)


@pytest.fixture
def store(empty_db, clock):
    s = Store.open(empty_db, clock=clock)
    yield s
    s.close()


def _citizen(store: Store, name: str = "Anna Hansen", cpr: str = "010190-1234", first: date = date(2026, 1, 5)) -> int:
    return store.execute(citizens.CreateCitizen(cpr=cpr, name=name, first_request=first)).value


def _meeting(store: Store, cid: int, at: datetime) -> int:
    return store.execute(meetings.PlanMeeting(citizen_id=cid, start=at, minutes=60)).value


def _course(store: Store, cid: int) -> int:
    return store.execute(courses.OrderCourse(citizen_id=cid, supplier="Jobværkstedet", title="Afklaring",
                     start=date(2026, 10, 1), end=date(2027, 3, 31), report_cadence="1m")).value


# 1. Afbud vs aflysning -------------------------------------------------------------------------

def test_afbud_keeps_its_own_status_and_plans_the_follow_up_meeting(store: Store) -> None:
    cid = _citizen(store)
    mid = _meeting(store, cid, datetime(2026, 11, 23, 10))
    new_id = store.execute(CitizenCancelled(meeting_id=mid, follow_up="meeting", reason="syg barn",
                                            start=datetime(2026, 11, 26, 13))).value
    f = store.citizen_file(cid)
    by_id = {m.id: m for m in f.meetings}
    assert by_id[mid].status == "afbud" and by_id[new_id].status == "planned"
    assert by_id[new_id].start == datetime(2026, 11, 26, 13)
    thread = {(e.kind, e.ref_id): e.status for e in store.timeline(cid)}
    assert thread[("meeting", mid)] == "afbud"
    assert store.numbers().day.afbud_12m == 1 and store.numbers().day.cancelled_12m == 0
    # The jobcentre cancelling is something else.
    other = _meeting(store, cid, datetime(2026, 11, 20, 10))
    store.execute(meetings.CancelMeeting(meeting_id=other))
    assert store.numbers().day.cancelled_12m == 1


def test_afbud_with_a_task_as_follow_up(store: Store) -> None:
    cid = _citizen(store)
    mid = _meeting(store, cid, datetime(2026, 11, 23, 10))
    tid = store.execute(CitizenCancelled(meeting_id=mid, follow_up="task", task_title="Ring og find ny tid",
                                         task_due=date(2026, 11, 24))).value
    assert [(t.id, t.due) for t in store.citizen_file(cid).tasks] == [(tid, date(2026, 11, 24))]
    with pytest.raises(Invalid):
        store.execute(CitizenCancelled(meeting_id=mid, follow_up="task", task_title="igen"))


def test_move_and_prepare_a_planned_meeting(store: Store) -> None:
    cid = _citizen(store)
    mid = _meeting(store, cid, datetime(2026, 11, 24, 10))
    store.execute(RecordInvitation(meeting_id=mid, invited_on=TODAY, via="digital_post"))
    store.execute(MoveMeeting(meeting_id=mid, start=datetime(2026, 11, 25, 14), minutes=90, place="home"))
    store.execute(SetPrepared(meeting_id=mid, prepared=True))
    m = store.citizen_file(cid).meetings[0]
    assert (m.start, m.minutes, m.place, m.prepared) == (datetime(2026, 11, 25, 14), 90, "home", True)
    assert m.invited_on is None  # the old indkaldelse named the old time


# 2. Calling in ---------------------------------------------------------------------------------

def test_not_invited_within_seven_days_on_today_and_in_the_thread(store: Store) -> None:
    cid = _citizen(store)
    today_id = _meeting(store, cid, datetime(2026, 11, 23, 9))
    soon = _meeting(store, cid, datetime(2026, 11, 30, 9))
    _meeting(store, cid, datetime(2026, 12, 1, 9))  # 8 days ahead: not yet a worry
    agenda = store.agenda()
    assert [m.not_invited for m in agenda.meetings] == [True]
    assert [m.meeting_id for m in agenda.not_invited] == [soon]
    assert {e.ref_id: e.status for e in store.timeline(cid) if e.kind == "meeting"}[soon] == "not_invited"
    store.execute(RecordInvitation(meeting_id=soon, invited_on=TODAY, via="sms"))
    store.execute(RecordInvitation(meeting_id=today_id, invited_on=date(2026, 11, 16), via="letter"))
    agenda = store.agenda()
    assert agenda.not_invited == () and not agenda.meetings[0].not_invited
    with pytest.raises(Invalid):
        store.execute(RecordInvitation(meeting_id=soon, invited_on=TODAY, via="pigeon"))


# 3. Missed course days -------------------------------------------------------------------------

def test_missed_course_day_accepted_owes_nothing(store: Store) -> None:
    cid = _citizen(store)
    course_id = _course(store, cid)
    store.execute(RecordMissedCourseDays(course_id=course_id, first_day=TODAY, last_day=TODAY, outcome="accepted",
                                         note="sov over sig, ringede selv"))
    f = store.citizen_file(cid)
    assert [a.outcome for a in f.course_absences] == ["accepted"] and f.hearings == ()
    assert ("course_absence", f.course_absences[0].id) in {(e.kind, e.ref_id) for e in store.timeline(cid)}


def test_missed_course_days_as_failure_open_a_las36_hearing_with_profile_deadlines(store: Store) -> None:
    cid = _citizen(store)
    course_id = _course(store, cid)
    store.execute(RecordMissedCourseDays(course_id=course_id, first_day=date(2026, 11, 16),
                                         last_day=date(2026, 11, 18), outcome="failure"))
    hearing = store.citizen_file(cid).hearings[0]
    w = profile_for(TODAY).workflows
    assert hearing.rule == "las36" and hearing.sent == TODAY
    assert w.course_failure_reply_days == 14 and hearing.reply_due == date(2026, 12, 7)
    assert hearing.decision_due == date(2027, 2, 26)  # 28 Feb 2027 is a Sunday: the Friday before
    assert store.citizen_file(cid).course_absences[0].hearing_id == hearing.id


# 4. Hearings both ways -------------------------------------------------------------------------

def test_hearing_guidance_contacts_reply_then_decision(store: Store) -> None:
    cid = _citizen(store)
    mid = _meeting(store, cid, datetime(2026, 11, 16, 10))
    hid = store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing")).value
    store.execute(RecordGuidance(hearing_id=hid, guidance_on=date(2026, 11, 17)))
    contact = store.execute(LogHearingContact(hearing_id=hid, at=datetime(2026, 11, 18, 9), channel="phone",
                                              reached=False, note="ingen svar")).value
    with pytest.raises(Invalid) as early:
        store.execute(DecideHearing(hearing_id=hid, outcome="sanction", decided_on=TODAY))
    assert early.value.code == "decision.before_reply"  # a reply recorded lifts this
    store.execute(RecordHearingReply(hearing_id=hid, reply_on=TODAY, reply_text="Jeg var indlagt."))
    store.execute(DecideHearing(hearing_id=hid, outcome="absence_accepted", decided_on=TODAY,
                                reasoning="fremmer rådighed"))
    f = store.citizen_file(cid)
    h = f.hearings[0]
    assert (h.guidance_on, h.reply_on, h.reply_text, h.reasoning, h.outcome) == (
        date(2026, 11, 17), TODAY, "Jeg var indlagt.", "fremmer rådighed", "absence_accepted")
    assert h.contact_ids == (contact,)
    assert f.meetings[0].absence_accepted
    kinds = [e.kind for e in store.timeline(cid)]
    assert "hearing_reply" in kinds and "hearing_decision" in kinds


# 5. Doctor's certificates ----------------------------------------------------------------------

def test_consultation_date_moves_the_answer_due(store: Store) -> None:
    cid = _citizen(store)
    rid = store.execute(OrderCertificate(citizen_id=cid, form="LÆ 265", doctor="Lægehuset", sent=date(2026, 11, 2),
                                         questions="Kan borgeren arbejde 10 timer om ugen?")).value
    assert store.citizen_file(cid).doctor_requests[0].answer_due == date(2026, 12, 2)  # 30 days: outer limit
    due = store.execute(SetConsultation(request_id=rid, consultation=date(2026, 11, 10))).value
    assert due == date(2026, 11, 24) == store.citizen_file(cid).doctor_requests[0].answer_due


def test_an_answer_awaiting_its_consultation_says_the_outer_limit_until_the_date_is_known(store: Store) -> None:
    """A LÆ 265 sent without a consultation date is due 30 days after sending, and says so
    (it used to read "sent … + 14 days" beside a date 30 days off)."""
    from tui.obligations import reason_text

    cid = _citizen(store)
    rid = store.execute(OrderCertificate(citizen_id=cid, form="LÆ 265", doctor="Lægehuset", sent=date(2026, 11, 2),
                                         questions="Funktionsevne?")).value
    [item] = [o for o in store.obligations(citizen_id=cid) if o.kind == "doctor_answer"]
    assert item.due == date(2026, 12, 2) and item.args()["awaiting"] == "1"
    assert "30 dage efter afsendelsen" in reason_text(item) and "konsultationsdatoen kendes ikke" in reason_text(item)
    store.execute(SetConsultation(request_id=rid, consultation=date(2026, 11, 10)))
    [item] = [o for o in store.obligations(citizen_id=cid) if o.kind == "doctor_answer"]
    assert item.due == date(2026, 11, 24) and "awaiting" not in item.args()
    assert "konsultationen 10-11-2026" in reason_text(item)


def test_questions_required_for_the_profile_forms(store: Store) -> None:
    cid = _citizen(store)
    for form in ("LÆ 135", "LÆ 145", "LÆ 265"):
        with pytest.raises(Invalid) as refused:
            store.execute(OrderCertificate(citizen_id=cid, form=form, doctor="Lægehuset", sent=TODAY, questions=" "))
        assert refused.value.field == "questions"
    store.execute(OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Lægehuset", sent=TODAY))


def test_recent_answer_is_named_and_answer_closes_the_chase_task(store: Store) -> None:
    cid = _citizen(store)
    old = store.execute(doctor.OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Dr. Berg", sent=date(2026, 8, 1))).value
    store.execute(doctor.RegisterAnswer(request_id=old, answered=date(2026, 8, 10)))
    found = store.recent_answers(cid, "læ125")
    assert [(a.request_id, a.doctor, a.answered) for a in found] == [(old, "Dr. Berg", date(2026, 8, 10))]
    with reading(store.engine) as session:  # six months after the answer it is no longer recent
        assert recent_answers(session, citizen_id=cid, form="LÆ 125", today=date(2027, 3, 1)) == ()
    rid = store.execute(doctor.OrderCertificate(citizen_id=cid, form="LÆ 125", doctor="Dr. Berg", sent=date(2026, 11, 2))).value
    chase = store.execute(journal_entries.AddTask(citizen_id=cid, title="Rykke for lægeattest", due=TODAY)).value
    store.execute(journal_entries.AddTask(citizen_id=cid, title="Ring til mentor", due=TODAY))
    store.execute(RegisterAnswer(request_id=rid, answered=TODAY))
    tasks = store.chase_tasks(rid)
    assert tasks == ((chase, "Rykke for lægeattest"),)
    store.execute(CloseTasks(task_ids=(chase,)))
    assert store.chase_tasks(rid) == ()


# 6. Progress reports ---------------------------------------------------------------------------

def test_report_read_with_summary_and_business_share(store: Store) -> None:
    cid = _citizen(store)
    course_id = _course(store, cid)
    store.execute(courses.RegisterReport(course_id=course_id, received=date(2026, 11, 20)))
    report = store.citizen_file(cid).courses[0].reports[0]
    assert report.read_on is None
    store.execute(MarkReportRead(report_id=report.id, summary="Møder stabilt, klar til praktik"))
    report = store.citizen_file(cid).courses[0].reports[0]
    assert (report.read_on, report.summary) == (TODAY, "Møder stabilt, klar til praktik")
    store.execute(SetCourseType(course_id=course_id, course_type="praktik"))
    second = _citizen(store, "Bo", "020290-1234")
    other = _course(store, second)
    store.execute(SetCourseType(course_id=other, course_type="mentor"))
    n = store.numbers().day
    assert store.citizen_file(cid).courses[0].course_type == "praktik"
    assert (n.active_courses, n.business_courses, n.business_pct) == (2, 1, 50.0)


# 7. Rehabilitation team ------------------------------------------------------------------------

def test_checklist_from_profile_lae265_ticks_and_preparation_deadline(store: Store) -> None:
    cid = _citizen(store)
    pid = store.execute(plans.OpenPlan(citizen_id=cid, team_meeting=date(2027, 1, 14))).value
    plan = store.citizen_file(cid).plans[0]
    assert [i.key for i in plan.items] == [item.key for item in profile_for(TODAY).rehab_checklist]
    assert "citizen_wishes" in [i.key for i in plan.items]
    rid = store.execute(OrderCertificate(citizen_id=cid, form="LÆ 265", doctor="Lægehuset", sent=date(2026, 11, 2),
                                         questions="Funktionsevne?")).value
    store.execute(RegisterAnswer(request_id=rid, answered=TODAY))
    items = {i.key: i for i in store.citizen_file(cid).plans[0].items}
    assert items["lae265"].done and items["lae265"].done_on == TODAY
    prep = [e for e in store.timeline(cid) if e.kind == "plan_prep"]
    # 14 days before 14 Jan is 31 Dec, a closed day in the profile: the open day before it.
    assert [(e.ref_id, e.at.date(), e.status) for e in prep] == [(pid, date(2026, 12, 30), "open")]


# 8. Case sparring ------------------------------------------------------------------------------

def test_sparring_lists_hearings_and_first_period_debts_with_days_and_notes(store: Store) -> None:
    cid = _citizen(store, first=date(2026, 9, 1))  # first period running, nothing held
    mid = _meeting(store, cid, datetime(2026, 9, 2, 10))
    store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing"))  # reply due 7 Dec: not overdue yet
    rows = store.sparring(days=60)
    row = next(r for r in rows if r.citizen_id == cid)
    assert "first_period" in row.reasons and "hearing_overdue" not in row.reasons
    assert dict(row.days)["no_meeting"] == 83
    store.execute(DiscussedAtSparring(citizen_id=cid, note="Drøftet: tilbyd hjemmebesøg"))
    row = next(r for r in store.sparring(days=60) if r.citizen_id == cid)
    assert row.discussed_on == TODAY
    assert [e.kind for e in store.timeline(cid)].count("sparring") == 1


def test_sparring_overdue_hearing(empty_db) -> None:
    from store.clock import Clock

    s = Store.open(empty_db, clock=Clock(date(2026, 11, 16), lambda: datetime(2026, 11, 16, 11)))
    cid = _citizen(s)
    mid = _meeting(s, cid, datetime(2026, 11, 16, 10))
    s.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="hearing"))
    s.close()
    s = Store.open(empty_db, clock=Clock(date(2027, 1, 5), lambda: datetime(2027, 1, 5, 8)))
    row = next(r for r in s.sparring(days=60) if r.citizen_id == cid)
    assert "hearing_overdue" in row.reasons and dict(row.days)["hearing_overdue"] == 36  # reply due 30 Nov
    s.close()


def test_reading_a_report_names_its_citizen_in_the_change_set(store: Store) -> None:
    """A report names no citizen itself: the change set must, or the citizen's screen kept
    showing "unread" and "read the report" after it was read (seen in a real terminal)."""
    cid = _citizen(store)
    course_id = _course(store, cid)
    store.execute(courses.RegisterReport(course_id=course_id, received=date(2026, 11, 20), read=False))
    [report] = store.citizen_file(cid).courses[0].reports
    outcome = store.execute(MarkReportRead(report_id=report.id, summary="Stabilt fremmøde"))
    assert cid in outcome.changes.citizens
    assert "report_read" not in {o.kind for o in store.obligations(citizen_id=cid)}
