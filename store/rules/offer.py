"""Ret og pligt til tilbud: when the first offer is due."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from store.rules.calendar import last_open_day_on_or_before
from store.rules.profile import RuleProfile


def first_offer_due(first_request: date, profile: RuleProfile) -> date | None:
    """The first request + offer_first_months by calendar arithmetic, moved to the last open
    day on or before a closed day (the offer must start on a day the jobcentre can act);
    None when the profile sets no offer deadline (offer_first_months = 0)."""
    if profile.offer_first_months <= 0:
        return None
    return last_open_day_on_or_before(first_request + relativedelta(months=profile.offer_first_months), profile)
