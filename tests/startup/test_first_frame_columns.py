"""The first frame already has each table's final columns (tui.screens.main `_expect_widths`):
a narrow pane no longer rebuilds its columns and refills its rows after the first frame, and
fitting the columns to the real width changes nothing, so no table is drawn twice while the
first key waits (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.startup.quick_start import after_first_frame, past_first_frame, quick_app


@pytest.mark.parametrize("size", [(160, 48), (80, 24), (250, 60)])
async def test_no_table_changes_its_columns_after_the_first_frame(demo_db: Path, size, monkeypatch) -> None:
    from tui.panes.base import Pane
    from tui.widgets.table import SagsTable

    app, release = quick_app(demo_db)
    shown = after_first_frame(app)
    applied: list[str] = []
    cleared: list[str] = []
    original_apply, original_clear = Pane.apply, SagsTable._clear_caches

    def counting_apply(self, data):  # type: ignore[no-untyped-def]
        applied.append(self.id)
        return original_apply(self, data)

    def counting_clear(self):  # type: ignore[no-untyped-def]
        if shown and self.row_count:  # after the first frame of the main screen
            cleared.append(self.id)
        return original_clear(self)

    monkeypatch.setattr(Pane, "apply", counting_apply)
    monkeypatch.setattr(SagsTable, "_clear_caches", counting_clear)
    async with past_first_frame(app, release, size):
        caseload = app.screen.query_one("#pane-caseload", Pane)
        assert caseload.table.row_count > 1
        assert shown
        assert applied == ["pane-caseload"]  # the quick page, once
        assert cleared == []  # no table with rows re-fitted its columns after the first frame
        widths = {key: column.width for key, column in caseload.table.columns.items()}
        caseload.table.fit_columns()
        assert {key: column.width for key, column in caseload.table.columns.items()} == widths


async def test_the_footer_has_its_keys_in_the_first_frame(demo_db: Path) -> None:
    """Textual composed the footer's keys after the next refresh, which at start is the first
    frame: the keys arriving then laid out and repainted the screen again as the first key
    came. The footer (one widget, tui.widgets.footer) draws its keys in the first frame."""
    from tui.widgets.footer import QuietFooter

    app, release = quick_app(demo_db)
    keys_at_first_frame: list[int] = []
    display = app._display

    def displaying(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and type(screen).__name__ == "MainScreen" and not keys_at_first_frame:
            shown = screen.query_one(QuietFooter)._shown
            keys_at_first_frame.append(len(shown[0]) if shown is not None else 0)
        return display(screen, renderable)

    app._display = displaying  # type: ignore[method-assign]
    async with past_first_frame(app, release):
        shown = app.screen.query_one(QuietFooter)._shown
        assert shown is not None
        assert keys_at_first_frame and keys_at_first_frame[0] == len(shown[0]) > 5
