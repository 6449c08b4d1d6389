"""The Today pane's filter matches as every other pane's does (any part of the name, accents
and case aside, or CPR from its start), and works out only the matching citizens' day: it
read and worked out the whole caseload's obligations on every keystroke (~0.6 s at 50,000)."""

from __future__ import annotations

from typing import Any

import pytest

from store.fold import fold
from tui.panes import today as today_module
from tui.panes.today import TodayPane


def _whole_day(store: Any) -> list[Any]:
    everything = TodayPane().fetch(store, "", 100_000)
    assert everything.total == len(everything.rows)  # the whole day, not a page
    return list(everything.rows)


def _name(row: Any) -> str:
    return row.citizen_name if isinstance(row, today_module.AgendaMeeting) else row.name


def _expected(store: Any, search: str) -> list[Any]:
    """The whole day, sorted out by the rule the other panes' SQL follows."""
    digits = search.replace("-", "")
    if digits.isdigit():
        return [row for row in _whole_day(store) if row.cpr.replace("-", "").startswith(digits)]
    return [row for row in _whole_day(store) if row.citizen_id is not None and fold(search) in fold(_name(row))]


def _a_surname(store: Any) -> str:
    """A surname several citizens with something today share."""
    from collections import Counter

    names = Counter(_name(row).split()[-1] for row in _whole_day(store) if row.citizen_id is not None)
    surname, n = names.most_common(1)[0]
    assert n > 1
    return surname


def test_a_name_filter_gives_the_rows_of_the_matching_citizens_in_the_days_order(demo_store) -> None:
    surname = _a_surname(demo_store)
    for search in (surname, surname.upper(), surname[1:4].lower()):
        got = TodayPane().fetch(demo_store, search, 100_000)
        assert list(got.rows) == _expected(demo_store, search), search
        assert got.total == len(got.rows) > 0


def test_cpr_digits_match_from_the_start_as_in_the_other_panes(demo_store) -> None:
    row = next(r for r in _whole_day(demo_store) if r.citizen_id is not None)
    start = row.cpr.replace("-", "")[:6]
    got = TodayPane().fetch(demo_store, start, 100_000)
    assert row in got.rows and list(got.rows) == _expected(demo_store, start)
    middle = row.cpr[1:6]  # digits inside its CPR, not at its start
    assert all(r.cpr.replace("-", "").startswith(middle) for r in TodayPane().fetch(demo_store, middle, 100_000).rows)


def test_an_accent_folded_name_matches(demo_store) -> None:
    """"Soren" finds "Søren", as in the caseload pane."""
    accented = next((r for r in _whole_day(demo_store) if r.citizen_id is not None and fold(_name(r)) != _name(r).casefold()), None)
    if accented is None:
        pytest.skip("the demo day has no name with æ, ø, å or an accent")
    plain = fold(_name(accented).split()[0])
    got = TodayPane().fetch(demo_store, plain, 100_000)
    assert accented in got.rows


def test_only_the_matching_citizens_are_worked_out(demo_store, monkeypatch) -> None:
    asked: list[Any] = []
    agenda = demo_store.agenda

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs.get("citizen_ids"))
        return agenda(*args, **kwargs)

    monkeypatch.setattr(demo_store, "agenda", spy)
    surname = _a_surname(demo_store)
    matches = demo_store.citizens_matching(surname)
    TodayPane().fetch(demo_store, surname, 100)
    assert asked == [matches] and 0 < len(matches) < len(demo_store.citizens_matching(""))


def test_a_filter_matching_many_citizens_reads_the_whole_day_with_the_same_rows(demo_store, monkeypatch) -> None:
    surname = _a_surname(demo_store)
    few = TodayPane().fetch(demo_store, surname, 100_000)
    monkeypatch.setattr(today_module, "FILTER_READS_UP_TO", 0)
    asked: list[Any] = []
    agenda = demo_store.agenda
    monkeypatch.setattr(demo_store, "agenda", lambda *a, **k: asked.append(k.get("citizen_ids")) or agenda(*a, **k))
    many = TodayPane().fetch(demo_store, surname, 100_000)
    assert asked == [None] and many.rows == few.rows


async def test_a_save_while_filtered_reads_that_citizen_only_and_keeps_the_filter(make_app, demo_store) -> None:
    from store.commands.meetings import MarkHeld
    from tests.app_helpers import settle
    from tests.tui.form_helpers import SIZE, pane

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        meeting = next(r for r in demo_store.agenda().meetings if r.status == "planned")
        search = meeting.citizen_name.split()[-1]
        today.search = search
        today.reload()
        await settle(pilot)
        assert today.row_key(meeting) in {today.row_key(r) for r in today.rows}
        outcome = demo_store.execute(MarkHeld(meeting_id=meeting.meeting_id))
        asked: list[Any] = []
        agenda = demo_store.agenda
        app.store.agenda = lambda *a, **k: asked.append(k.get("citizen_ids")) or agenda(*a, **k)  # type: ignore[method-assign]
        today.refresh_for(outcome.changes)
        await settle(pilot)
        del app.store.agenda
        assert asked == [demo_store.citizens_matching(search) & outcome.changes.citizens]
        whole = today.fetch(demo_store, search, today.limit)
        assert [today.row_key(r) for r in today.rows] == [today.row_key(r) for r in whole.rows]
        assert today.total == whole.total and today.search == search
        held = next(r for r in today.rows if today.row_key(r) == today.row_key(meeting))
        assert held.status == "held"
