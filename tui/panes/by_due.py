"""Replacing a few citizens' rows in a page ordered by due date, without reading the page again.

The caseload and the meetings-due panes list one row per citizen, ordered by the next deadline
and then, in SQL, by name. After a save that touched a few citizens only their rows are read
again (`Store.caseload(citizen_ids=...)`, `Store.deadlines(citizen_ids=...)`) and put where
their dates belong. The name order is the database's own (its collation, not Python's), so
when a fresh row shares its date with a row it would sit beside, the merge declines and the
page is read whole. A first page stays a first page: a fresh row that now sorts after its last
row belongs to a later one."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import TypeVar

from tui.panes.rows import PaneRow

R = TypeVar("R", bound=PaneRow)


def merged(
    rows: Sequence[R], fresh: Sequence[R], citizens: Collection[int], due: Callable[[R], date | None],
    *, whole: bool, limit: int,
) -> list[R] | None:
    """The page with `citizens`' rows replaced by `fresh` (their rows now, any order), or None
    when only the database can tell the order. `whole`: the page held every row there was."""

    def key(row: R) -> tuple[bool, date]:  # undated last, as NULLS LAST
        day = due(row)
        return (day is None, day or date.min)

    kept = [row for row in rows if row.citizen_id not in citizens]
    if not whole and not kept:
        return None
    taken = {key(row) for row in kept}
    if any(key(row) in taken for row in fresh):
        return None  # a tie on the date: the order is the database's name order
    out = sorted([*kept, *fresh], key=key)  # stable: the kept rows keep their order
    if not whole:
        last = key(kept[-1])
        out = [row for row in out if key(row) <= last]
    return out[:limit]
