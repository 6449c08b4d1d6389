"""The app as it starts from the command line, its store held back: the quick first page is on
screen and the store never opens until the test lets it go. Shared by the tests of what
happens before and at the first frame."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from store.clock import Clock
from tests.conftest import TODAY


def quick_app(demo_db: Path) -> tuple[Any, threading.Event]:
    """The app with the quick first page of `demo_db`; the store opens once the event is set."""
    from store.quick import quick_caseload
    from tui.app import SagsdagApp
    from tui.config import Config
    from tui.panes.base import PAGE

    release = threading.Event()
    quick = quick_caseload(demo_db, TODAY, None, PAGE)
    return SagsdagApp(opener=lambda: release.wait() and None, quick=quick, clock=Clock(TODAY), config=Config()), release


def after_first_frame(app: Any) -> list[bool]:
    """A list that holds True once the main screen's first frame has been written."""
    shown: list[bool] = []
    display = app._display

    def displaying(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and type(screen).__name__ == "MainScreen":
            shown.append(True)
        return display(screen, renderable)

    app._display = displaying
    return shown


@asynccontextmanager
async def past_first_frame(app: Any, release: threading.Event,
                           size: tuple[int, int] = (160, 48)) -> AsyncIterator[Any]:
    """Run `app` (from `quick_app`) until a few turns after its first frame; its store is let
    go at the end, whatever the test found."""
    try:
        async with app.run_test(size=size) as pilot:
            for _ in range(5):
                await pilot.pause()
            yield pilot
    finally:
        release.set()
