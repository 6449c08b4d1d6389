"""Columns take the width their cells need, up to what the terminal gives: short columns are
never cut, text columns share the rest, and maximising a pane widens its text columns."""

from __future__ import annotations

from tests.app_helpers import settle
from tests.tui.form_helpers import pane
from tui.widgets.table import plan_widths


def test_short_columns_get_their_need_and_text_shares_the_rest() -> None:
    columns = [("status", 13, 0), ("name", 30, 30), ("flags", 40, 18)]
    widths = plan_widths(columns, room=80, padding=2)
    assert widths["status"] == 13
    assert widths["name"] + widths["flags"] + 13 + 6 <= 80
    assert widths["name"] == 30 and widths["flags"] == 31  # the name fits; the flags take the rest
    # Room for everything: each text column gets exactly what it needs.
    assert plan_widths(columns, room=200, padding=2) == {"status": 13, "name": 30, "flags": 40}
    # A text column needing less than its share leaves the rest to the others.
    assert plan_widths([("a", 5, 20), ("b", 60, 20)], room=50, padding=0) == {"a": 5, "b": 45}


def _widths(table) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {str(key.value): column.width for key, column in table.columns.items()}


async def test_status_is_never_cut_and_names_fit_when_there_is_room(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        caseload = pane(app, "caseload")
        table = caseload.table
        longest_status = max(len(table.get_row_at(i)[0].plain) for i in range(table.row_count))
        assert _widths(table)["col.urgency"] >= longest_status
        longest_name = max(len(r.name) for r in caseload.rows)
        assert longest_name > 20  # the demo has long names
        before = _widths(table)["col.citizen"]
        await pilot.press("2", "z")
        await settle(pilot)
        after = _widths(table)
        assert after["col.citizen"] > before and after["col.citizen"] >= longest_name
        await pilot.press("z")
        await settle(pilot)
        assert _widths(table)["col.citizen"] == before


async def test_columns_fit_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for n, pane_id in enumerate(("today", "caseload", "deadlines", "doctors", "suppliers"), start=1):
            await pilot.press(str(n))
            await settle(pilot)
            table = pane(app, pane_id).table
            used = sum(c.get_render_width(table) for c in table.columns.values())
            assert used <= table.size.width, pane_id


async def test_no_table_measures_its_cells_again_when_it_idles(make_app, monkeypatch) -> None:
    """A table measures each cell as it comes, to fit its set-width columns (SagsTable).
    Textual's DataTable measured every cell of each new row once more through Rich when the
    table next idled, for auto-width columns, which no table here has (the quick first page's
    200 rows at 50,000 citizens, before the first frame). Only the virtual size is set now, as
    Textual's version sets it."""
    from textual.widgets import DataTable

    from tui.widgets.table import SagsTable

    measuring: list[str] = []
    original = DataTable._update_dimensions

    def counting(self, new_rows):  # type: ignore[no-untyped-def]
        measuring.append(str(self.id))
        return original(self, new_rows)

    monkeypatch.setattr(DataTable, "_update_dimensions", counting)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for key in "2345":  # each pane shown, and its rows drawn
            await pilot.press(key)
            await settle(pilot)
        tables = list(app.screen.query(SagsTable))
        assert sum(table.row_count for table in tables) > 40
        assert measuring == []
        for table in tables:  # the size Textual's measuring version gives
            size = table.virtual_size
            original(table, list(table.rows))
            assert table.virtual_size == size, table.id
