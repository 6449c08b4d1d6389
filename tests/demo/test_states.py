"""Every state the program must show is present in the 48-citizen demo as of TODAY."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from store.records import MEETING_STATUSES
from store.rules import doctor_answer_due, profile_for_history
from tests.conftest import TODAY
from tests.demo.helpers import rows

T = TODAY.isoformat()
IN_7 = (TODAY + timedelta(days=7)).isoformat()
IN_14 = (TODAY + timedelta(days=14)).isoformat()


def count(db, sql: str, *args: object) -> int:
    return rows(db, sql, *args)[0][0]


def test_every_active_citizen_has_a_stored_deadline(demo_db) -> None:
    assert count(demo_db, "select count(*) from citizen where status = 'active' and next_due is null") == 0
    assert count(demo_db, "select count(*) from citizen where rules_stamp is null") == 0


def test_overdue_due_soon_and_ok_deadlines(demo_db) -> None:
    active = "select count(*) from citizen where status = 'active' and "
    assert count(demo_db, active + "next_due < ?", T) >= 1
    assert count(demo_db, active + "next_due between ? and ?", T, IN_7) >= 1
    assert count(demo_db, active + "next_due > ?", IN_7) >= 10


def test_new_citizens_with_nothing_held(demo_db) -> None:
    week_ago = (TODAY - timedelta(days=7)).isoformat()
    new = count(demo_db, """select count(*) from citizen c where first_request >= ? and status = 'active'
                           and not exists (select 1 from meeting m where m.citizen_id = c.id and m.status = 'held')""",
                week_ago)
    assert new >= 2


def test_meetings_today_at_varied_times_and_places(demo_db) -> None:
    today = rows(demo_db, "select start, place, prepared, status from meeting where day = ? order by start", T)
    assert 3 <= len(today) <= 6
    assert all(status == "planned" for *_, status in today)
    assert len({place for _, place, _, _ in today}) >= 3
    assert {prepared for _, _, prepared, _ in today} == {0, 1}
    assert today[0][0].startswith(f"{T} 09:00")


def test_meeting_day_is_the_start_date_and_statuses_are_known(demo_db) -> None:
    for start, day, status in rows(demo_db, "select start, day, status from meeting"):
        assert datetime.fromisoformat(start).date() == date.fromisoformat(day)
        assert status in MEETING_STATUSES
    planned_past = count(demo_db, "select count(*) from meeting where status = 'planned' and day < ?", T)
    held_future = count(demo_db, "select count(*) from meeting where status in ('held', 'no_show') and day > ?", T)
    assert planned_past == held_future == 0
    assert count(demo_db, "select count(*) from meeting where status = 'planned' and day > ?", T) >= 10
    assert count(demo_db, "select count(*) from meeting where status = 'no_show'") >= 1


def test_doctor_requests_late_open_and_answered_with_rule_deadlines(demo_db) -> None:
    requests = rows(demo_db, "select form, sent, consultation, answer_due, status from doctor_request")
    assert any(status == "sent" and due < T for _, _, _, due, status in requests)
    assert any(status == "sent" and due >= T for _, _, _, due, status in requests)
    assert any(status == "answered" for *_, status in requests)
    for form, sent, consultation, due, _ in requests:
        sent_day = date.fromisoformat(sent)
        seen = date.fromisoformat(consultation) if consultation else None
        assert doctor_answer_due(form, sent_day, seen, profile_for_history(sent_day)).isoformat() == due


def test_open_hearing_with_deadlines_ahead(demo_db) -> None:
    open_ = rows(demo_db, "select reply_due, decision_due from hearing where decided_on is null")
    assert any(reply >= T and decision > reply for reply, decision in open_)


def test_courses_in_every_follow_up_state(demo_db) -> None:
    running = "select count(*) from supplier_course where status = 'active' and "
    assert count(demo_db, running + "next_report_due is not null and next_report_due >= ?", T) >= 1
    grace_ago = (TODAY - timedelta(days=7)).isoformat()
    assert count(demo_db, running + "next_report_due < ?", grace_ago) >= 1
    assert count(demo_db, running + '"end" between ? and ? and next_step is null', T, IN_14) >= 1
    assert count(demo_db, running + "next_three_party_due <= ?", IN_7) >= 1
    assert count(demo_db, "select count(*) from progress_report") >= 3
    assert 5 <= count(demo_db, "select count(*) from supplier") <= 10


def test_plan_close_to_its_team_meeting_partly_ticked(demo_db) -> None:
    plans = rows(demo_db, """select p.team_meeting, sum(i.done), count(i.id) from preparatory_plan p
                             join plan_item i on i.plan_id = p.id where p.status = 'open' group by p.id""")
    assert any(T <= team <= IN_14 and 0 < done < total for team, done, total in plans)


def test_absences_ongoing_now(demo_db) -> None:
    assert count(demo_db, "select count(*) from absence where first_day <= ? and last_day >= ?", T, T) >= 2


def test_tasks_due_overdue_and_done(demo_db) -> None:
    assert count(demo_db, "select count(*) from task where done_on is null and due <= ?", T) >= 1
    assert count(demo_db, "select count(*) from task where done_on is not null") >= 1


def test_closed_citizens_have_outcomes(demo_db) -> None:
    closed = rows(demo_db, "select outcome, closed_on from citizen where status = 'closed'")
    assert len(closed) >= 2
    assert all(outcome and closed_on < T for outcome, closed_on in closed)


def test_history_reaches_back_years_and_network_and_notes_exist(demo_db) -> None:
    oldest = rows(demo_db, "select min(first_request) from citizen")[0][0]
    assert oldest <= (TODAY - timedelta(days=2 * 365)).isoformat()
    assert count(demo_db, "select count(*) from network_person") >= 5
    assert count(demo_db, "select count(*) from case_note") >= 20
    assert count(demo_db, "select count(*) from contact_entry where reached = 0") >= 1


def test_old_no_shows_are_decided_and_meetings_were_called_in(demo_db) -> None:
    """The demo reads like a careful caseworker's caseload: no year-old undecided no-show,
    most meetings called in, and the citizen's afbud apart from the jobcentre cancelling."""
    old_undecided = count(demo_db, """
        select count(*) from meeting m where m.status = 'no_show' and m.absence_accepted = 0 and m.day < ?
        and not exists (select 1 from hearing h where h.meeting_id = m.id and h.decided_on is not null)""",
                          (TODAY - timedelta(days=150)).isoformat())
    assert old_undecided == 0
    planned = count(demo_db, "select count(*) from meeting where status = 'planned'")
    invited = count(demo_db, "select count(*) from meeting where status = 'planned' and invited_on is not null")
    assert 0 < invited < planned
    assert count(demo_db, "select count(*) from meeting where status = 'afbud'") > 0
    assert count(demo_db, "select count(*) from meeting where status = 'cancelled'") > 0
