"""Deadlines of the caseworker's day that follow from the `[workflows]` numbers of a profile."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from store.rules.calendar import last_open_day_on_or_before
from store.rules.profile import RuleProfile


def course_failure_reply_due(sent: date, profile: RuleProfile) -> date:
    """The citizen's reply time in a LAS § 36 hearing; like § 35 never moved for closed days."""
    return sent + timedelta(days=profile.workflows.course_failure_reply_days)


def course_failure_decision_due(failure: date, profile: RuleProfile) -> date:
    """LAS § 36 has the shape of § 35, stk. 3: the last day of the Nth whole calendar month
    after the first missed day, moved to the last open day on or before it."""
    month_start = failure.replace(day=1)
    limit = month_start + relativedelta(months=profile.workflows.course_failure_decision_full_months + 1) - timedelta(days=1)
    return last_open_day_on_or_before(limit, profile)


def not_invited(meeting_day: date, status: str, invited_on: date | None, today: date, warn_days: int) -> bool:
    """"Ikke indkaldt": a planned meeting from today up to `warn_days` ahead with no indkaldelse."""
    return status == "planned" and invited_on is None and 0 <= (meeting_day - today).days <= warn_days
