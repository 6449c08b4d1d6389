"""The footer, rebuilt only when the keys it shows change. Textual's footer recomposes on every
focus change, which re-lays out the whole screen: that alone made a pane switch cost 100 ms.
Pane-specific keys are therefore not in the footer but in each pane's own border."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

# Always shown, first: a narrow terminal cuts the footer from the right.
FIRST = ("help", "quit", "app.help", "app.quit")


class QuietFooter(Footer):
    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = tuple(
            (b.key, b.description, enabled) for (_node, b, enabled, _tip) in screen.active_bindings.values() if b.show
        )
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        if not self._bindings_ready and self.is_attached and screen is self.screen and screen.app.app_focus:
            # The first keys at once, not after the next refresh as Textual does: that refresh is
            # the screen's first frame, and the footer's keys arriving after it laid out and
            # repainted the whole screen again just as the first key came (issue 15).
            self._bindings_ready = True
            self.call_next(self.recompose)
            return
        super().bindings_changed(screen)

    def compose(self):  # type: ignore[no-untyped-def]
        items = list(super().compose())
        first = [w for w in items if isinstance(w, FooterKey) and w.action in FIRST]
        yield from first + [w for w in items if w not in first]
