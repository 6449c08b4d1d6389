"""A pane reload changes only the rows that differ (tui.widgets.rows_in_place): a row that did
not change keeps its drawn lines and is never laid out again, a row that only moved is
restyled from its cached layout, and what is drawn is, segment for segment, what a table
filled afresh with the same rows draws."""

from __future__ import annotations

import random
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tests.app_helpers import settle, warmed
from tests.tui.form_helpers import SIZE, open_held_form, pane
from tui.widgets.table import SagsTable

COLUMNS = (("status", 14), ("name", 20), ("when", 8), ("n", 4))


def _row(n: int, variant: int = 0) -> tuple[str, tuple[Any, ...]]:
    return (f"r{n}", (Text(f"! {n + variant} d. over", style="bold" if variant else ""), f"Borger {n}",
                      Text(f"{n:02d}-12", justify="right"), n * 10 + variant))


class _Tables(App[None]):
    CSS = "SagsTable { height: 9; }"  # fewer lines than rows: the tables scroll

    def compose(self) -> ComposeResult:
        yield SagsTable(id="kept")
        yield SagsTable(id="fresh")

    def columned(self) -> tuple[SagsTable, SagsTable]:
        """The two tables, unfocused (drawn alike), with the test's columns."""
        kept, fresh = self.query_one("#kept", SagsTable), self.query_one("#fresh", SagsTable)
        self.set_focus(None)
        for table in (kept, fresh):
            for key, width in COLUMNS:
                table.add_column(key, width=width, key=key)
        return kept, fresh


def _lines(table: SagsTable) -> list[list[Any]]:
    return [list(table.render_line(y)) for y in range(table.size.height)]


class LayoutCount:
    """Every table cell laid out: by Rich (as a Padding around it), or without it when it is
    one line of plain text (tui.widgets.plain_cell)."""

    def __init__(self, monkeypatch: Any) -> None:
        import tui.widgets.cell_layout as cell_layout

        self.cells: list[object] = []
        original = Console.render_lines
        plain = cell_layout.plain_line

        def counting(console, renderable, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(renderable, Padding):
                self.cells.append(renderable.renderable)
            return original(console, renderable, *args, **kwargs)

        def counting_plain(cell, *args, **kwargs):  # type: ignore[no-untyped-def]
            lines = plain(cell, *args, **kwargs)
            if lines is not None:
                self.cells.append(cell)
            return lines

        monkeypatch.setattr(Console, "render_lines", counting)
        monkeypatch.setattr(cell_layout, "plain_line", counting_plain)


async def test_a_table_changed_in_place_draws_what_a_fresh_table_draws() -> None:
    """Random rounds of rows removed, added, moved and changed, the cursor anywhere: every
    line of the table kept in place equals the line of a table cleared and filled again."""
    app = _Tables()
    rng = random.Random(11)
    async with app.run_test(size=(80, 24)) as pilot:  # each table shows fewer lines than it has rows
        kept, fresh = app.columned()
        rows = [_row(n) for n in range(12)]
        for round_ in range(25):
            if round_:
                rows = [r for r in rows if rng.random() > 0.15]  # some go
                rows += [_row(n) for n in rng.sample(range(12, 40), rng.randint(0, 2))]  # some come
                rows = [_row(int(k[1:]), rng.choice((0, 0, 0, 1))) for k, _ in rows]  # some change
                rng.shuffle(rows) if round_ % 5 == 0 else rows.sort(key=lambda r: (r[1][3] % 7, r[0]))
                rows = list({k: (k, c) for k, c in rows}.values())
            kept.replace_rows(rows)
            fresh.clear()
            for key, cells in rows:
                fresh.add_row(*cells, key=key)
            cursor = rng.randrange(max(len(rows), 1))
            for table in (kept, fresh):
                table.move_cursor(row=cursor, animate=False)
            await pilot.pause()
            scroll = min(kept.scroll_y, fresh.scroll_y) + round_ % 3
            for table in (kept, fresh):
                table.scroll_to(y=scroll, animate=False, immediate=True)
            await pilot.pause()
            assert kept.scroll_y == fresh.scroll_y
            assert [kept.coordinate_to_cell_key((i, 0)).row_key.value for i in range(kept.row_count)] == [k for k, _ in rows]
            assert _lines(kept) == _lines(fresh), round_


async def test_rows_that_did_not_change_are_not_laid_out_or_drawn_again(monkeypatch) -> None:
    app = _Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        table = app.query_one("#kept", SagsTable)
        for key, width in COLUMNS:
            table.add_column(key, width=width, key=key)
        rows = [_row(n) for n in range(6)]  # all of them on screen
        table.replace_rows(rows)
        await pilot.pause()
        laid_out = LayoutCount(monkeypatch)
        drawn: list[object] = []
        original = DataTable._render_line_in_row

        def counting(self, row_key, *args, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(row_key.value)
            return original(self, row_key, *args, **kwargs)

        monkeypatch.setattr(DataTable, "_render_line_in_row", counting)
        table.replace_rows([_row(n) for n in range(6)])  # equal content, new objects
        await pilot.pause()
        assert laid_out.cells == [] and drawn == []
        # One cell of one row changes, and the last row moves to the top.
        changed = [_row(5), *[_row(n, 1 if n == 4 else 0) for n in range(5)]]
        table.replace_rows(changed)
        await pilot.pause()
        assert [str(c) for c in laid_out.cells] == ["! 5 d. over", "41"]  # only the changed cells
        assert "r4" in drawn and "r5" in drawn


async def test_saving_held_lays_out_only_the_cells_that_changed(make_app, monkeypatch) -> None:
    """The Today, caseload and deadlines panes reload after a meeting is held; before, every
    visible cell of the three tables went through Rich again (304 at 50 citizens)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        meeting = await open_held_form(pilot, today)
        tables = [pane(app, name).table for name in ("today", "caseload", "deadlines", "doctors", "suppliers")]
        before = [{key.value: list(row.values()) for key, row in t._data.items()} for t in tables]
        laid_out = LayoutCount(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "✓" in str(today.table.get_cell(f"m{meeting.meeting_id}", "col.state"))
        assert today.table.current_key() == f"m{meeting.meeting_id}"  # the cursor stays on its row
        changed = 0
        for table, shown in zip(tables, before):
            for key, row in table._data.items():
                old = shown.get(key.value)
                changed += sum(1 for n, cell in enumerate(row.values())
                               if old is None or n >= len(old) or str(old[n]) != str(cell)
                               or getattr(old[n], "style", None) != getattr(cell, "style", None))
        assert 0 < len(laid_out.cells) <= changed < 40


async def test_a_reload_that_changes_nothing_draws_nothing(make_app, monkeypatch) -> None:
    """An unchanged table keeps its line cache: reading the caseload again draws no line."""
    from store.commands.base import ChangeSet

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await warmed(pilot)
        caseload = pane(app, "caseload")
        drawn: list[object] = []
        original = DataTable._render_line_in_row

        def counting(self, row_key, *args, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(row_key)
            return original(self, row_key, *args, **kwargs)

        monkeypatch.setattr(DataTable, "_render_line_in_row", counting)
        caseload.refresh_for(ChangeSet.everything())
        await settle(pilot)
        assert caseload.loaded and drawn == []


async def test_a_row_equal_to_the_one_shown_keeps_its_cells(make_app, monkeypatch) -> None:
    """Landing a reload rebuilt every row's cells (names cleaned, dates formatted); a row equal
    to the one shown under its key now keeps them, unless the look changed (a theme)."""
    from store.commands.base import ChangeSet
    from tui.panes.caseload import CaseloadPane

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        caseload = pane(app, "caseload")
        built: list[object] = []
        original = CaseloadPane.cells
        monkeypatch.setattr(CaseloadPane, "cells", lambda self, row: (built.append(row), original(self, row))[1])
        caseload.refresh_for(ChangeSet.everything())
        await settle(pilot)
        assert built == []
        app.theme = "sagsdag-light"
        caseload.refresh_for(ChangeSet.everything())
        await settle(pilot)
        assert len(built) == len(caseload.rows) > 0


async def test_a_render_looks_up_each_component_style_once(make_app, monkeypatch) -> None:
    """DataTable asks for its header's style (from the CSS, each time) for every row it draws;
    rows drawn again (moved after a reload) now share one lookup per render."""
    from textual.dom import DOMNode
    from textual.geometry import Region

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = pane(app, "caseload").table
        looked_up: list[tuple[str, ...]] = []
        original = DOMNode.get_component_styles

        def counting(self, *names):  # type: ignore[no-untyped-def]
            if self is table:
                looked_up.append(names)
            return original(self, *names)

        monkeypatch.setattr(DOMNode, "get_component_styles", counting)
        table._row_render_cache.clear()
        table._line_cache.clear()
        table._styles_cache.clear()
        lines = table.render_lines(Region(0, 0, table.size.width, table.size.height))
        assert len(lines) == table.size.height > 20
        assert len(looked_up) == len(set(looked_up)) <= 3, looked_up


async def test_a_key_given_twice_is_refused() -> None:
    """Never a row twice: the table refuses it, as add_row does."""
    import pytest
    from textual.widgets._data_table import DuplicateKey

    app = _Tables()
    async with app.run_test(size=(80, 20)):
        table = app.query_one("#kept", SagsTable)
        for key, width in COLUMNS:
            table.add_column(key, width=width, key=key)
        table.replace_rows([_row(1), _row(2)])
        with pytest.raises(DuplicateKey):
            table.replace_rows([_row(2), _row(3), _row(2)])
        assert [k.value for k in table.rows] == ["r1", "r2"]


async def test_a_row_moved_past_many_finds_their_place_once(monkeypatch) -> None:
    """The rows a moved row passes are repainted as one region: DataTable finds a row's place
    by adding up the heights of every row above it, and repainting each of them in turn added
    up the same rows over and over (77 rows on a held save at 50 citizens)."""
    app = _Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        table, fresh = app.columned()
        rows = [_row(n) for n in range(60)]
        table.replace_rows(rows)
        await pilot.pause()
        found: list[int] = []
        original = DataTable._get_row_region

        def counting(self, row_index):  # type: ignore[no-untyped-def]
            found.append(row_index)
            return original(self, row_index)

        monkeypatch.setattr(DataTable, "_get_row_region", counting)
        table.replace_rows([*rows[1:], rows[0]])  # the first row moves to the end
        assert len(found) <= 2, found
        await pilot.pause()
        fresh.replace_rows([*rows[1:], rows[0]])
        await pilot.pause()
        assert _lines(table) == _lines(fresh)


async def test_a_table_filled_at_once_is_a_table_filled_row_by_row() -> None:
    """Rows put in an empty table (the quick first page), or in one showing none of their keys,
    are added all at once (RowsInPlace._fill), not one `add_row` each: the table, its column
    widths, its lines and the rows it announces as highlighted are those of a table filled row
    by row."""
    highlighted: list[tuple[str | None, str | None]] = []

    class Watching(_Tables):
        def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
            highlighted.append((event.data_table.id, event.row_key.value))

    app = Watching()
    async with app.run_test(size=(80, 24)) as pilot:
        kept, fresh = app.columned()
        for rows in ([_row(n) for n in range(12)], [_row(n, 1) for n in range(200, 230)]):
            kept.replace_rows(rows)
            fresh.clear()
            for key, cells in rows:
                fresh.add_row(*cells, key=key)
            await pilot.pause()
            assert [kept.coordinate_to_cell_key((i, 0)).row_key.value for i in range(kept.row_count)] == [k for k, _ in rows]
            assert [c.width for c in kept.columns.values()] == [c.width for c in fresh.columns.values()]
            assert kept.virtual_size == fresh.virtual_size
            assert _lines(kept) == _lines(fresh)
        seen = {name: [key for table, key in highlighted if table == name] for name in ("kept", "fresh")}
        assert seen["kept"] and seen["kept"] == seen["fresh"], seen
