"""Choice lists for forms, from the store's own vocabularies, labelled through the catalog."""

from __future__ import annotations

from datetime import date

from store import records


def of(prefix: str, values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((v, f"{prefix}.{v}") for v in values)


PLACES = of("place", records.PLACES)
MEETING_KINDS = of("meeting_kind", records.MEETING_KINDS)
CHANNELS = of("channel", records.CHANNELS)
DIRECTIONS = of("direction", records.DIRECTIONS)
ABSENCE_KINDS = of("absence_kind", records.ABSENCE_KINDS)
OUTCOMES = of("outcome", records.OUTCOMES)
RECOMMENDATIONS = of("outcome", records.RECOMMENDATIONS)
NETWORK_ROLES = of("network_role", records.NETWORK_ROLES)
HEARING_OUTCOMES = of("hearing_outcome", records.HEARING_OUTCOMES)
NO_SHOW_FOLLOW_UPS = of("no_show", ("hearing", "accept", "later"))


def doctor_forms(today: date) -> tuple[tuple[str, str], ...]:
    """The LÆ forms the rule profile in force knows; the label key falls back to the code."""
    from store.rules import profile_for

    return tuple((f.code, f.code) for f in profile_for(today).doctor_forms)
