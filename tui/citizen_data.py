"""What the citizen screen shows, read in one go: the file, its open items and the red thread.
Below the screens, so the prefetcher can read it ahead without importing a screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.queries.rows import TimelineEntry
from store.records import CitizenFile

if TYPE_CHECKING:  # the package imports SQLAlchemy's ORM: kept out of start-up (tui.startup)
    from store.obligations import Obligation
    from store.facade import Store


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
