"""Deadlines around a sanction: the citizen's hearing reply and the decision itself."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from store.rules.calendar import last_open_day_on_or_before
from store.rules.profile import RuleProfile


def hearing_reply_due(sent: date, profile: RuleProfile) -> date:
    """The last day of the citizen's reply period: sent + hearing_reply_days.

    Not moved for closed days: this is the citizen's deadline, and moving it earlier would cut
    the time the citizen was promised. The caseworker decides after it, never before."""
    return sent + timedelta(days=profile.hearing_reply_days)


def sanction_decision_due(failure_date: date, profile: RuleProfile) -> date:
    """The last day to decide on a sanction (LAS § 35, stk. 3: the deduction must be made
    "inden for 3 hele kalendermåneder efter hændelsestidspunktet").

    The month of the failure holds the failure, so it is not a whole month after it; the limit
    is the last day of the third whole calendar month that follows. Failure 15 Jan 2026 ->
    Feb, Mar, Apr -> 30 Apr 2026; 1 Jan and 31 Jan give the same day.

    Moved to the last open day on or before a closed day: the limit is an outer one and the
    jobcentre can only decide on an open day, so showing an earlier open day never breaks the
    rule, while showing a Sunday would make the last real day look like it still had slack."""
    month_start = failure_date.replace(day=1)
    limit = month_start + relativedelta(months=profile.sanction_decision_full_months + 1) - timedelta(days=1)
    return last_open_day_on_or_before(limit, profile)
