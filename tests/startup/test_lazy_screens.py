"""Screens are imported when first opened (tui.keys `translate_on_import`): in a fresh process
a screen built right after its module is imported shows its keys in the user's language
(Textual copies a class's bindings into each instance, so translating at push was too late:
the access log's footer said `key.back`)."""

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

async def main():
    store = Store.open(sys.argv[1], clock=Clock(date(2026, 11, 23)))
    app = SagsdagApp(store, config=Config(language=sys.argv[2]), language=sys.argv[2])
    async with app.run_test(size=(160, 48)) as pilot:
        assert 'tui.screens.access_log' not in sys.modules
        await app.workers.wait_for_complete()
        await pilot.press('L')
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(type(app.screen).__name__, app.screen.active_bindings['escape'].binding.description)
    store.close()

asyncio.run(main())
"""


def test_a_screen_opened_first_in_a_fresh_process_has_its_keys_translated(demo_db: Path) -> None:
    for lang, back in (("da", "Tilbage"), ("en", "Back")):
        out = subprocess.run([sys.executable, "-c", SCRIPT, str(demo_db), lang], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout.strip()
        assert out == f"AccessLogScreen {back}"
