"""Once start-up has settled, the first open of a citizen finds its screen's modules imported
and its CSS in the stylesheet (tui/warm_up.py): it then costs what a later open costs (issue
15: its import, the keys' translation and the CSS were paid on the first `enter`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import asyncio, sys
from datetime import date
from store.clock import Clock
from store.facade import Store
from tui.app import SagsdagApp
from tui.config import Config
from tests.app_helpers import settle

async def main():
    store = Store.open(sys.argv[1], clock=Clock(date(2026, 11, 23)))
    app = SagsdagApp(store, config=Config(language='da'), language='da')
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        while not app.startup.warm_up.done:
            await pilot.pause(0.02)
        modules, sources = set(sys.modules), set(app.stylesheet.source)
        await pilot.press('2', 'enter')
        await settle(pilot)
        print(type(app.screen).__name__)
        print(','.join(sorted(set(sys.modules) - modules)) or 'none')
        print(','.join(str(s) for s in set(app.stylesheet.source) - sources) or 'none')
    store.close()

asyncio.run(main())
"""


def test_the_first_open_of_a_citizen_imports_nothing_and_adds_no_css(demo_db: Path) -> None:
    if not isinstance(demo_db, Path):
        return  # the app itself is the same on PostgreSQL; one database is enough here
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(demo_db)], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.split("\n")
    assert out[:3] == ["CitizenScreen", "none", "none"]
