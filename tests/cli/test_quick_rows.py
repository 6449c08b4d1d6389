"""The quick first page holds the rows the terminal can show (tui.cli.commands.open_app), at
least `QUICK_AT_LEAST` and never more than a page: the caseload's rows are built before the
first frame, and the full store's first page brings the rest."""

from __future__ import annotations

import os

import pytest

from tui.cli.commands.open_app import QUICK_AT_LEAST, quick_rows


@pytest.mark.parametrize(("lines", "rows"), [(24, QUICK_AT_LEAST), (60, 60), (500, 200)])
def test_the_quick_page_is_what_the_terminal_shows(monkeypatch: pytest.MonkeyPatch, lines: int, rows: int) -> None:
    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback=(80, 24): os.terminal_size((160, lines)))
    assert quick_rows(200) == rows
