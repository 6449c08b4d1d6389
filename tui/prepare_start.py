"""`python -m tui.prepare_start`: what the program keeps for a fast start (tui.compiled_once,
tui.parsed_css), prepared where it is installed, as `python -m compileall` prepares bytecode.
The program keeps the same itself when it ends, unless bytecode is not written
(`PYTHONDONTWRITEBYTECODE`); the benchmark runs this beside compileall.

Its own module: it imports the app, which imports what it prepares."""

from __future__ import annotations

import asyncio
import threading
from importlib import import_module
from typing import TYPE_CHECKING, cast

from tui import compiled_once

if TYPE_CHECKING:
    from store.facade import Store

# What the program imports on the way to its first frame (tests/startup/test_first_frame_imports.py).
FIRST_FRAME = ("tui.cli.context", "tui.cli.commands.open_app", "store.paths", "store.quick", "tui.app",
               "tui.config", "tui.panes.base", "tui.screens.main", "textual.drivers.linux_driver")

# What the store's opening imports in its worker just after the first frame (SQLAlchemy, the
# models): kept too, so that worker holds the interpreter for less time while keys come.
AFTER_FIRST_FRAME = ("store.facade",)


def prepare() -> bool:
    """Compile the code of every class the program creates on its way to the first frame and
    parse the main screen's stylesheets, and keep them (True when the file was written)."""
    compiled_once.keep_everything()
    for name in (*FIRST_FRAME, *AFTER_FIRST_FRAME):
        import_module(name)
    _first_frame_stylesheets()
    return compiled_once.save(asked=True)


def _first_frame_stylesheets() -> None:
    """Parse what the main screen's first frame parses, headless, so that it is kept."""
    from textual.widget import Widget

    from store.clock import Clock
    from tui.app import SagsdagApp
    from tui.config import load_config
    from tui.parsed_css import install

    install()
    release = threading.Event()

    async def run() -> None:
        def opener() -> Store:  # never opens one: only the first frame's stylesheets are wanted
            release.wait()
            return cast("Store", None)

        app = SagsdagApp(opener=opener, clock=Clock(), config=load_config())
        async with app.run_test(size=(160, 48)) as pilot:
            while not any(isinstance(w, Widget) for w in app.screen.query("SagsTable")):
                await pilot.pause()
            await pilot.pause()
            release.set()

    try:
        asyncio.run(run())
    finally:
        release.set()


if __name__ == "__main__":
    prepare()
