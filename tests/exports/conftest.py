from __future__ import annotations

import pytest



@pytest.fixture
def planned_in_range(demo_store):
    """Planned meetings per day from the Store's own agenda, the reference an export must match."""

    def collect(start, end):  # type: ignore[no-untyped-def]
        from datetime import timedelta

        found = []
        day = start
        while day <= end:
            found.extend(m for m in demo_store.agenda(day).meetings if m.status == "planned")
            day += timedelta(days=1)
        return found

    return collect
