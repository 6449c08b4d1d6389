"""Words a caseworker reads instead of codes: intervals, what a toast says was saved, the kind
and status of a line in the red thread."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, fill, find_citizen, new_menu, open_citizen, save_and_close


@pytest.mark.parametrize(("code", "da", "en"), [
    ("6w", "6 uger", "6 weeks"), ("3m", "3 mdr.", "3 months"), ("1m", "1 md.", "1 month"),
    ("1m2w", "1 md. 2 uger", "1 month 2 weeks"), ("14d", "14 dage", "14 days"), ("??", "??", "??"),
])
def test_interval_in_words(code: str, da: str, en: str) -> None:
    from tui.format import interval_text
    from tui.i18n import set_language

    assert interval_text(code) == da
    set_language("en")
    assert interval_text(code) == en


def test_every_timeline_kind_and_status_has_words() -> None:
    from store import records
    from store.queries.screen_rows import TimelineEntry
    from tui.timeline_text import kind_text

    codes = {
        "absence": records.ABSENCE_KINDS, "hearing_decision": records.HEARING_OUTCOMES,
        "plan": (*records.RECOMMENDATIONS, "open", "decided"), "network": records.NETWORK_ROLES,
        "meeting": ("planned", "held", "no_show", "cancelled"), "hearing": ("open", "done"),
        "doctor": ("sent", "answered", "cancelled"), "course": ("ordered", "active", "stopped", "completed"),
        "task": ("open", "done"),
    }
    for kind, statuses in codes.items():
        for status in statuses:
            text = kind_text(TimelineEntry(datetime(2026, 1, 1), kind, 1, "", "", status))
            assert "_" not in text and "timeline" not in text, (kind, status, text)
    contact = TimelineEntry(datetime(2026, 1, 1), "contact", 1, "", "", "reached", channel="phone", direction="out")
    assert kind_text(contact) == "Kontakt (opkald ud, træffet)"


async def test_the_toast_says_what_was_saved(make_app, demo_store) -> None:
    from tui.forms.meeting import PlanMeetingForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        file = find_citizen(demo_store, lambda f: True)
        await open_citizen(pilot, file.citizen.id)
        form = await new_menu(pilot, "m", PlanMeetingForm)
        fill(form, day="fredag", time="6.05", minutes="5")
        await save_and_close(pilot, through_warnings=True)
        shown = [n.message for n in app._notifications]
        assert any(m.startswith("Samtale planlagt fredag 27-11-2026 06.05 · ") and file.citizen.name in m for m in shown), shown
