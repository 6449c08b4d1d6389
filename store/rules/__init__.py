"""Deadline rules: dated rule profiles (data in `profiles/*.toml`) and the pure functions that
turn a case's dates into deadlines. Plain values in, plain values out; no database here."""

from store.rules.calendar import is_open_day, last_open_day_on_or_before
from store.rules.doctor import doctor_answer_due, doctor_request_overdue
from store.rules.fees import Fee, fee_for
from store.rules.fields import RuleFileError
from store.rules.hearing import hearing_reply_due, sanction_decision_due
from store.rules.interval import Interval
from store.rules.meetings import (
    DeadlineReason,
    FirstPeriod,
    MeetingDeadline,
    first_period_status,
    next_meeting_deadline,
)
from store.rules.profile import (
    DoctorForm,
    NoProfileError,
    RuleProfile,
    form_code,
    load_profiles,
    profile_for,
    profile_for_history,
)
from store.rules.next_meeting import citizen_next_meeting
from store.rules.obligation_status import judge_obligation
from store.rules.offer import first_offer_due
from store.rules.pace import Pace, first_period_pace, open_days_between
from store.rules.rehab import rehab_preparation_due
from store.rules.status import Status, days_left, status_for, worst
from store.rules.supplier import (
    course_ending_without_next_step,
    expected_report_dates,
    missing_reports,
    report_due,
    three_party_due,
)

__all__ = [
    "DeadlineReason", "DoctorForm", "Fee", "FirstPeriod", "Interval", "MeetingDeadline",
    "NoProfileError", "RuleFileError", "RuleProfile", "Status",
    "course_ending_without_next_step", "days_left", "doctor_answer_due", "doctor_request_overdue",
    "expected_report_dates", "fee_for", "first_period_status", "form_code", "hearing_reply_due",
    "is_open_day", "last_open_day_on_or_before", "load_profiles", "missing_reports",
    "next_meeting_deadline", "profile_for", "profile_for_history", "sanction_decision_due",
    "status_for", "three_party_due", "worst",
    "Pace", "citizen_next_meeting", "first_offer_due", "first_period_pace", "judge_obligation",
    "open_days_between", "rehab_preparation_due", "report_due",
]
