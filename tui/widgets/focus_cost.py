"""Two overrides of Textual 8.2 that make moving focus cost what it changes, not a whole screen.
Both are carried here until Textual fixes them upstream (see README, "Tests, speed and soak").

1. `Screen.focused` is a reactive with the default `repaint=True`: every focus change marks the
   *whole screen* dirty, and the next frame re-renders every line of every widget on it — at
   160×48, five tables, 60–150 ms a pane switch. The widgets whose look depends on focus are
   already refreshed by the focus change itself (their `:focus` / `:focus-within` styles are
   reapplied, which refreshes them), so `QuietFocus` refreshes exactly the widget that lost
   focus and the one that gained it, and nothing else.

2. A widget's scrollbar is created when its content first overflows, but it is styled only the
   first time its widget is restyled, usually the first focus. Styling it then sets its
   `scrollbar-size` rules for the first time, and those are layout rules, so the first visit
   to each pane lays out the whole screen again. `PrestyledScrollbars` styles a scrollbar as
   it is created, inside the layout that created it."""

from __future__ import annotations

from typing import Any

from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widget import Widget


class QuietFocus:
    """Mix into a Screen (before `Screen` in the bases)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def _watch_focused(self, old: Widget | None, new: Widget | None) -> None:
        for widget in (old, new):
            if widget is not None and widget.is_attached:
                widget.refresh()
        self.refresh_bindings()  # type: ignore[attr-defined]  # what Screen._watch_focused does


class PrestyledScrollbars:
    """Mix into a scrollable widget (before the widget class in the bases)."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        created = self._vertical_scrollbar is None  # type: ignore[attr-defined]
        bar: ScrollBar = super().vertical_scrollbar  # type: ignore[misc]
        if created:
            _style_now(self, bar)
        return bar

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        created = self._horizontal_scrollbar is None  # type: ignore[attr-defined]
        bar: ScrollBar = super().horizontal_scrollbar  # type: ignore[misc]
        if created:
            _style_now(self, bar)
        return bar


def _style_now(owner: Any, bar: ScrollBar) -> None:
    try:
        owner.app.stylesheet.apply(bar)
    except Exception:  # noqa: BLE001 - no app yet (unmounted): Textual styles it later as before
        pass
