"""What the citizen screen shows, read in one go: the file, its open items and the red thread.
Below the screens, so the prefetcher can read it ahead without importing a screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # store.obligations imports SQLAlchemy's ORM, and store.records (~20 ms of dataclasses) is
    # needed only once a citizen is read: both kept out of start-up (tui.startup, issue 15).
    from store.obligations import Obligation
    from store.facade import Store
    from store.queries.screen_rows import TimelineEntry
    from store.records import CitizenFile


@dataclass(frozen=True)
class CitizenData:
    file: CitizenFile
    open_items: tuple[Obligation, ...]
    timeline: tuple[TimelineEntry, ...]


def fetch_citizen(store: Store, citizen_id: int) -> CitizenData:
    return CitizenData(
        file=store.citizen_file(citizen_id),
        open_items=tuple(store.obligations(citizen_id=citizen_id)),
        timeline=tuple(store.timeline(citizen_id)),
    )
