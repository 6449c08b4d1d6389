"""Once start-up has settled, what the first open of a citizen needs is made ready, so that
it costs what every later open costs (issue 15: 120 ms against ~51 ms before screens were
imported when first opened). Its modules are imported in one step and the citizen screen's
own CSS is added to the stylesheet in another, on the main thread: an import in a worker would hold the
module's import lock, and a key that opened a citizen meanwhile would wait on the worker.

Each step (one module, then the CSS) is a few milliseconds of the main thread, and runs only
once the keys pause (the warm-ups' one scheduler, tui.between_keys)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.between_keys import BetweenKeys

# What opening a citizen imports that the main screen has not (tests/startup/test_warm_up.py
# checks that the list is complete).
# A module's own imports come before it, each its own step: `tui.screens.citizen` with its
# four took 7 ms in one step, and a key that came during it waited for all of it.
MODULES = (
    "store.queries.screen_rows",
    "tui.timeline_text",
    "tui.screens.menu",
    "tui.screens.confirm",
    "tui.screens.citizen_day",
    "tui.screens.citizen_actions",
    "tui.screens.quiet_removal",
    "tui.citizen_data",
    "tui.screens.citizen_table",
    "tui.screens.loading",
    "tui.screens.drawn_once",
    "tui.screens.citizen",
)


class WarmUp:
    def __init__(self, app: Any, steps: BetweenKeys) -> None:
        self.app = app
        self.steps = steps  # runs each step in a pause between keys (tui.between_keys)
        self.done = False

    def start(self) -> None:
        self.steps.add(self._job())

    def _job(self) -> Iterator[None]:
        for name in MODULES:  # one module a step: all of them in one step took up to 26 ms
            import_module(name)
            yield
        self._styles()
        self.done = True

    def _styles(self) -> None:
        """What Textual does when the first citizen screen is registered: its DEFAULT_CSS is
        added to the stylesheet, which then parses it and rebuilds its rules map."""
        from tui.screens.citizen import CitizenScreen

        stylesheet = self.app.stylesheet
        for read_from, css, tie_breaker, scope in CitizenScreen(0)._get_default_css():
            stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
        stylesheet.rules_map  # noqa: B018 - parses the new source and rebuilds the map now, not at the first open
