"""Driving the real app on the demo caseload with a frozen today. Tests wait for the
workers (never sleep) before reading the screen."""

from __future__ import annotations

import pytest


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every worker is done and every message it posted is handled. A handled
    message can start another worker (a page reload), so loop until the app is quiet."""
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return
    raise AssertionError("the app never became quiet")


@pytest.fixture
def make_app(demo_store):  # type: ignore[no-untyped-def]
    def make(lang: str = "da", theme: str = "sagsdag-dark", read_only: bool = False):  # type: ignore[no-untyped-def]
        from tui.app import SagsdagApp
        from tui.config import Config

        return SagsdagApp(demo_store, config=Config(theme=theme, language=lang), language=lang, read_only=read_only)

    return make


@pytest.fixture(autouse=True)
def _danish_again():  # type: ignore[no-untyped-def]
    """The catalog language is process-wide; put it back after a test switches it."""
    yield
    from tui.i18n import set_language

    set_language("da")
