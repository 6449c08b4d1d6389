"""A filtered count stops at its cap, so a one-letter filter on 50,000 names stays quick."""

from __future__ import annotations


def test_a_filtered_count_stops_at_its_cap(demo_store) -> None:
    everyone = demo_store.count_deadlines(search="e")
    assert everyone > 5
    assert demo_store.count_deadlines(search="e", cap=5) == 5
    assert demo_store.count_deadlines(search="e", cap=10_000) == everyone
    assert demo_store.count_caseload(search="e", cap=5) == 5
    assert demo_store.count_caseload(search="e", cap=10_000) == demo_store.count_caseload(search="e")
