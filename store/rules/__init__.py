"""Deadline rules: dated rule profiles (data in `profiles/*.toml`) and the pure functions that
turn a case's dates into deadlines. Plain values in, plain values out; no database here."""

# A name is imported from its module when first asked for (PEP 562): the first caseload page
# needs only the status, profile, meeting and offer rules, and importing every rule module
# with the package put the others (fees, doctors, hearings, suppliers, pace …) in front of the
# first frame (issue 15). What each name is stays exactly as before.

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    "is_open_day": "store.rules.calendar",
    "last_open_day_on_or_before": "store.rules.calendar",
    "doctor_answer_due": "store.rules.doctor",
    "doctor_request_overdue": "store.rules.doctor",
    "Fee": "store.rules.fees",
    "fee_for": "store.rules.fees",
    "RuleFileError": "store.rules.fields",
    "hearing_reply_due": "store.rules.hearing",
    "sanction_decision_due": "store.rules.hearing",
    "Interval": "store.rules.interval",
    "DeadlineReason": "store.rules.meetings",
    "FirstPeriod": "store.rules.meetings",
    "MeetingDeadline": "store.rules.meetings",
    "first_period_status": "store.rules.meetings",
    "next_meeting_deadline": "store.rules.meetings",
    "citizen_next_meeting": "store.rules.next_meeting",
    "judge_obligation": "store.rules.obligation_status",
    "first_offer_due": "store.rules.offer",
    "Pace": "store.rules.pace",
    "first_period_pace": "store.rules.pace",
    "open_days_between": "store.rules.pace",
    "DoctorForm": "store.rules.profile",
    "NoProfileError": "store.rules.profile",
    "RuleProfile": "store.rules.profile",
    "form_code": "store.rules.profile",
    "load_profiles": "store.rules.profile",
    "profile_for": "store.rules.profile",
    "profile_for_history": "store.rules.profile",
    "rehab_preparation_due": "store.rules.rehab",
    "Status": "store.rules.status",
    "days_left": "store.rules.status",
    "status_for": "store.rules.status",
    "worst": "store.rules.status",
    "course_ending_without_next_step": "store.rules.supplier",
    "expected_report_dates": "store.rules.supplier",
    "missing_reports": "store.rules.supplier",
    "report_due": "store.rules.supplier",
    "three_party_due": "store.rules.supplier",
}


def __getattr__(name: str) -> Any:
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


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
