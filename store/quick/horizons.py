"""The rule horizons the compiled SQL's date offsets depend on."""

from __future__ import annotations

from datetime import date


def horizons(day: date) -> tuple[int, int]:
    from store.rules import profile_for

    profile = profile_for(day)
    return profile.due_soon_days, profile.course_ending_days
