"""Each obligation kind leaves `due` exactly when its done-condition holds; the decisions after
a no-show; a held three-party meeting moves the course's deadline. Runs on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store.clock import Clock
from store.commands import citizens, courses, doctor, journal_entries, meetings, plans
from store.commands.decisions import (
    AcceptAbsence, DecideHearing, DecideNoShow, DecisionNeedsConfirmation, NoShowToHearing,
)
from store.facade import Store
from tests.conftest import TODAY
from tests.store.obligation_cases import D, at, build


@pytest.fixture
def store(empty_db):  # type: ignore[no-untyped-def]
    s = Store.open(empty_db, clock=Clock(TODAY))
    yield s
    s.close()


@pytest.fixture
def cases(store):  # type: ignore[no-untyped-def]
    return build(store)


def kinds_of(store: Store, cid: int) -> dict[str, list]:
    out: dict[str, list] = {}
    for item in store.obligations(citizen_id=cid):
        out.setdefault(item.kind, []).append(item)
    return out


def test_closed_case_owes_nothing(store, cases) -> None:
    assert store.obligations(citizen_id=cases["closed"]) == []


def test_hearing_reply_and_decision_stay_until_decided(store, cases) -> None:
    cid = cases["hearing_reply"]
    store.clock = Clock(D("2026-12-28"))  # well past the reply deadline of 30 Nov
    found = kinds_of(store, cid)
    assert found["hearing_reply"][0].days_left < 0 and "sanction_decision" in found
    hearing = found["hearing_reply"][0].ref_id
    store.execute(DecideHearing(hearing, "no_sanction", D("2026-12-28")))
    found = kinds_of(store, cid)
    assert "hearing_reply" not in found and "sanction_decision" not in found


def test_deciding_before_the_reply_deadline_asks_first(store, cases) -> None:
    hearing = kinds_of(store, cases["hearing_reply"])["hearing_reply"][0].ref_id
    with pytest.raises(DecisionNeedsConfirmation) as caught:
        store.execute(DecideHearing(hearing, "sanction", TODAY))
    assert caught.value.code == "decision.before_reply" and caught.value.params["reply_due"] == "2026-11-30"
    assert "hearing_reply" in kinds_of(store, cases["hearing_reply"])  # nothing was saved
    store.execute(DecideHearing(hearing, "sanction", TODAY, confirmed=True))
    assert "hearing_reply" not in kinds_of(store, cases["hearing_reply"])


def test_decide_later_keeps_the_las_35_deadline_and_can_become_a_hearing(store, cases) -> None:
    cid = cases["sanction_decision"]
    [item] = kinds_of(store, cid)["sanction_decision"]
    assert (item.due, item.ref_kind) == (D("2026-12-30"), "meeting")
    hearing = store.execute(NoShowToHearing(item.ref_id)).value
    after = kinds_of(store, cid)
    [same] = after["sanction_decision"]
    assert same.key == item.key and same.due == item.due  # the same obligation, same window
    assert after["hearing_reply"][0].due == TODAY + timedelta(days=14)
    assert hearing > 0


def test_accepting_the_absence_later_ends_the_decision(store, cases) -> None:
    cid = cases["sanction_decision"]
    [item] = kinds_of(store, cid)["sanction_decision"]
    store.execute(AcceptAbsence(item.ref_id))
    assert "sanction_decision" not in kinds_of(store, cid)


def test_a_sanction_without_a_hearing_asks_first(store, cases) -> None:
    cid = cases["sanction_decision"]
    [item] = kinds_of(store, cid)["sanction_decision"]
    with pytest.raises(DecisionNeedsConfirmation) as caught:
        store.execute(DecideNoShow(item.ref_id, "sanction", TODAY))
    assert caught.value.code == "decision.no_hearing"
    store.execute(DecideNoShow(item.ref_id, "no_sanction", TODAY))
    assert "sanction_decision" not in kinds_of(store, cid)


def test_a_no_show_with_a_hearing_owes_a_decision_whether_or_not_the_hearing_started(store) -> None:
    cid = store.execute(citizens.CreateCitizen(cpr="131297-1013", name="Mads", first_request=D("2025-01-06"))).value
    for day in ("2026-09-07", "2026-09-08"):
        mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=at(day))).value
        store.execute(meetings.MarkNoShow(meeting_id=mid, follow_up="later" if day.endswith("07") else "hearing"))
    decisions = kinds_of(store, cid)["sanction_decision"]
    assert sorted(item.due for item in decisions) == [D("2026-12-30"), D("2026-12-30")]


def test_doctor_answer_done_when_answered(store, cases) -> None:
    [item] = kinds_of(store, cases["doctor_answer"])["doctor_answer"]
    store.execute(doctor.RegisterAnswer(request_id=item.ref_id, answered=TODAY))
    assert "doctor_answer" not in kinds_of(store, cases["doctor_answer"])


def test_report_done_when_received(store, cases) -> None:
    [item] = kinds_of(store, cases["report"])["report"]
    store.execute(courses.RegisterReport(course_id=item.ref_id, received=TODAY))
    [after] = kinds_of(store, cases["report"])["report"]
    assert after.due == D("2026-12-22")  # the next one: 15 Dec + 7 grace days


def test_holding_the_linked_three_party_meeting_moves_the_deadline(store, cases) -> None:
    cid = cases["three_party"]
    [item] = kinds_of(store, cid)["three_party"]
    assert item.booked_late and item.planned is not None
    store.clock = Clock(D("2026-12-14"))
    planned = next(m for m in store.citizen_file(cid).meetings if m.status == "planned" and m.kind == "three_party")
    store.execute(meetings.MarkHeld(meeting_id=planned.id))
    [after] = kinds_of(store, cid)["three_party"]
    assert after.due == D("2027-03-12")  # 14 Dec + 3 months = Sun 14 Mar -> Fri 12 Mar
    assert after.planned is None


def test_course_end_done_with_a_next_step(store, cases) -> None:
    [item] = kinds_of(store, cases["course_end"])["course_end"]
    store.execute(courses.SetNextStep(course_id=item.ref_id, next_step="Job med løntilskud"))
    assert "course_end" not in kinds_of(store, cases["course_end"])


def test_offer_done_when_a_course_starts(store, cases) -> None:
    store.execute(courses.OrderCourse(citizen_id=cases["offer"], supplier="Aktør D", title="Praktik", start=TODAY,
              end=TODAY + timedelta(days=60)))
    assert "offer" not in kinds_of(store, cases["offer"])


def test_rehab_team_done_when_the_checklist_is_complete(store, cases) -> None:
    [item] = kinds_of(store, cases["rehab_team"])["rehab_team"]
    plan = store.citizen_file(cases["rehab_team"]).plans[0]
    missing = sum(not point.done for point in plan.items)
    assert missing >= 2  # the case leaves more than one item open, so the count is a real check
    for point in plan.items:
        if not point.done:
            store.execute(plans.TickPlanItem(item_id=point.id, done=True))
    assert "rehab_team" not in kinds_of(store, cases["rehab_team"])
    assert item.args()["missing"] == str(missing)


def test_task_done(store, cases) -> None:
    [item] = kinds_of(store, cases["task"])["task"]
    store.execute(journal_entries.CompleteTask(task_id=item.ref_id, done_on=TODAY))
    assert "task" not in kinds_of(store, cases["task"])


def test_first_period_done_at_the_fourth_meeting(store, cases) -> None:
    cid = cases["first_period"]
    [item] = kinds_of(store, cid)["first_period"]
    assert item.args()["owed"] == "3" and item.status.value == "overdue"
    for day in ("2026-10-20", "2026-11-10", "2026-11-23"):
        mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=at(day))).value
        store.execute(meetings.MarkHeld(meeting_id=mid))
    assert "first_period" not in kinds_of(store, cid)
    # The next meeting keeps no pace any more: 23 Nov + 3 months = 23 Feb 2027.
    assert kinds_of(store, cid)["next_meeting"][0].due == D("2027-02-23")


def test_booking_shows_on_meeting_kinds(store, cases) -> None:
    [item] = kinds_of(store, cases["next_meeting"])["next_meeting"]
    assert item.planned == at("2026-11-27") and not item.booked_late
    [item] = kinds_of(store, cases["first_period"])["next_meeting"]
    assert item.planned is None


def test_absence_pause_is_not_called_a_closed_day_move(store) -> None:
    """Held Mon 31 Aug + 3m = Mon 30 Nov; 3 absence days -> Thu 3 Dec: no closed-day move."""
    cid = store.execute(citizens.CreateCitizen(cpr="141298-1014", name="Nina", first_request=D("2025-01-06"))).value
    for day in ("2025-01-08", "2025-02-20", "2025-04-10", "2025-06-02", "2026-08-31"):
        mid = store.execute(meetings.PlanMeeting(citizen_id=cid, start=at(day))).value
        store.execute(meetings.MarkHeld(meeting_id=mid))
    store.execute(journal_entries.AddAbsence(citizen_id=cid, kind="sickness", first_day=D("2026-10-05"),
              last_day=D("2026-10-07")))
    [item] = kinds_of(store, cid)["next_meeting"]
    assert item.due == D("2026-12-03")
    assert item.args()["paused"] == "3" and "moved_from" not in item.args()
