"""Once start-up has settled, what the first open of a citizen needs is made ready, so that
it costs what every later open costs (issue 15: 120 ms against ~51 ms before screens were
imported when first opened). Its modules are imported in one step and the citizen screen's
own CSS is added to the stylesheet in another, on the main thread: an import in a worker would hold the
module's import lock, and a key that opened a citizen meanwhile would wait on the worker.

Each step is a millisecond or two of the main thread, and none runs while a key waits for its
frame: a key is answered first, and a step runs in the pause before the next one."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.widgets.key_waiting import KeyWaiting

# What opening a citizen imports that the main screen has not (tests/startup/test_warm_up.py
# checks that the list is complete).
MODULES = (
    "tui.timeline_text",
    "tui.screens.menu",
    "tui.screens.confirm",
    "tui.screens.citizen_day",
    "tui.screens.citizen_actions",
    "tui.screens.quiet_removal",
    "tui.screens.citizen",
)
STEP_GAP = 0.01  # seconds between steps


class WarmUp:
    def __init__(self, app: Any, keys: KeyWaiting) -> None:
        self.app = app
        self.keys = keys  # no step while a key waits for its frame
        self.done = False
        self._steps: list[Any] = [self._imports, self._styles]

    def start(self) -> None:
        self.app.set_timer(STEP_GAP, self._step)

    def _step(self) -> None:
        if not self._steps:
            return
        if self.keys.waiting:
            self.app.set_timer(STEP_GAP, self._step)
            return
        self._steps.pop(0)()
        if self._steps:
            self.app.set_timer(STEP_GAP, self._step)
        else:
            self.done = True

    def _imports(self) -> None:
        """~3 ms in all (their keys are translated as they are imported, tui.keys)."""
        for name in MODULES:
            import_module(name)

    def _styles(self) -> None:
        """What Textual does when the first citizen screen is registered: its DEFAULT_CSS is
        added to the stylesheet, which then parses it and rebuilds its rules map."""
        from tui.screens.citizen import CitizenScreen

        stylesheet = self.app.stylesheet
        for read_from, css, tie_breaker, scope in CitizenScreen(0)._get_default_css():
            stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
        stylesheet.rules_map  # noqa: B018 - parses the new source and rebuilds the map now, not at the first open
