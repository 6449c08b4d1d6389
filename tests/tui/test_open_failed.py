"""A database that cannot be opened gets a sentence on screen and q leaves with exit code 2.
A damaged Sagsdag file is moved aside (never deleted) and the backups are offered; a file
Sagsdag did not make is refused and left exactly where it was."""

from __future__ import annotations

from pathlib import Path

from store.clock import Clock
from tests.conftest import TODAY
from tests.app_helpers import settle


async def _shown(db: Path, *, read_only: bool = False) -> tuple[str, int | None]:
    from tui.cli.commands.open_app import _open
    from tui.cli.context import Context
    from tui.app import SagsdagApp
    from tui.screens.failed import OpenFailedScreen

    ctx = Context(db=str(db), clock=Clock(TODAY), lang="da", caseworker=None, read_only=read_only)
    app = SagsdagApp(opener=lambda: _open(ctx), clock=ctx.clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OpenFailedScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        await pilot.press("q")
    return shown, app.return_code


def _damage(db: Path) -> bytes:
    data = bytearray(db.read_bytes())
    data[0:16] = b"not sqlite at al"  # Sagsdag's application id further on survives
    db.write_bytes(bytes(data))
    return bytes(data)


async def test_a_damaged_sagsdag_file_is_shown_moved_aside_and_q_quits(demo_db: Path) -> None:
    damaged = _damage(demo_db)
    shown, code = await _shown(demo_db)
    assert "flyttet" in shown and "sagsdag restore" in shown
    assert code == 2
    aside = [p for p in demo_db.parent.iterdir()
             if p.name.startswith("demo.db.corrupt-") and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged


async def test_read_only_moves_nothing(demo_db: Path) -> None:
    damaged = _damage(demo_db)
    shown, code = await _shown(demo_db, read_only=True)
    assert "kun til læsning" in shown and code == 2
    assert demo_db.read_bytes() == damaged
    assert not any(p.name.startswith("demo.db.corrupt-") for p in demo_db.parent.iterdir())


async def test_a_file_sagsdag_did_not_make_is_refused_and_left_alone(tmp_path: Path) -> None:
    bogus = tmp_path / "case.db"
    bogus.write_bytes(b"my shopping list\n" * 500)
    shown, code = await _shown(bogus)
    assert "ikke en SQLite-database" in shown and code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["case.db"]
    assert bogus.read_bytes().startswith(b"my shopping list")
