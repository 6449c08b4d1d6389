"""The preparatory plan for the rehabilitation team: when it must be complete."""

from __future__ import annotations

from datetime import date, timedelta

from store.rules.calendar import last_open_day_on_or_before
from store.rules.profile import RuleProfile


def rehab_preparation_due(team_meeting: date, profile: RuleProfile) -> date:
    """The team date - rehab_team_preparation_days, moved to the last open day on or before
    a closed day: the papers go to the team on a working day."""
    return last_open_day_on_or_before(team_meeting - timedelta(days=profile.rehab_team_preparation_days), profile)
