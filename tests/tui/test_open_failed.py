"""A database that cannot be opened gets a sentence on screen, is moved aside (never deleted),
and the backups are offered; q leaves with exit code 2."""

from __future__ import annotations

from pathlib import Path

from store.clock import Clock
from tests.conftest import TODAY
from tests.app_helpers import settle


async def test_a_damaged_file_is_shown_moved_aside_and_q_quits(tmp_path: Path) -> None:
    from tui.cli.commands.open_app import _open
    from tui.cli.context import Context
    from tui.app import SagsdagApp
    from tui.screens.failed import OpenFailedScreen

    bogus = tmp_path / "case.db"
    bogus.write_bytes(b"my shopping list\n" * 500)
    ctx = Context(db=str(bogus), clock=Clock(TODAY), lang="da", caseworker=None)
    app = SagsdagApp(opener=lambda: _open(ctx), clock=ctx.clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OpenFailedScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "flyttet" in shown and "sagsdag restore" in shown
        await pilot.press("q")
    assert app.return_code == 2
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("case.db.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"my shopping list")
