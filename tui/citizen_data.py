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


def look_up_texts(data: CitizenData) -> None:
    """Look up, off the UI thread, the catalog texts the citizen screen will show for `data`:
    the catalog parses a table the first time one of its keys is asked for (tui.i18n.catalog),
    and the red thread's kinds, statuses and channels sit in ten tables no other screen reads.
    The first open of a citizen parsed them on the UI thread (~1-2 ms of each session's first
    open, issue 11); the prefetcher calls this after its read. The lookups are cached by the
    catalog for the whole process, so the screen then finds them ready."""
    from tui.obligations import booking_text, kind_label, reason_text  # kept out of start-up
    from tui.timeline_text import kind_text

    for entry in data.timeline:
        kind_text(entry)
    for item in data.open_items:
        kind_label(item)
        reason_text(item)
        if item.meeting_kind:
            booking_text(item)
