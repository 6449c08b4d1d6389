"""A screen already laid out at a size is not laid out again when told that size once more.

Textual 8.2.8 answers every `Resize` a screen receives with a full layout (`Screen._on_resize`
-> `_screen_resized` -> `_refresh_layout(size)`), whether or not the size changed. At start the
main screen got two such after its first frame, both at the size it had just been laid out at:
the app's first `Resize` from the terminal driver, forwarded while the screen was being
composed, and the one its own first layout sends to every widget it shows, itself included.
Each reflowed the whole screen and painted it again (~4–7 ms of the main thread each) before
the first key (issue 15). A real change of size goes to Textual as before. Carried here until
Textual skips it upstream."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import events

if TYPE_CHECKING:
    from textual.screen import Screen


class SameSizeNoLayout:
    """Mix into a Screen, before Screen in its bases: Textual calls each class's handler in
    turn, and `prevent_default` stops it before Screen's. A screen with breakpoints, or with
    screens showing beneath it, is left to Textual (its `_on_resize` sets their classes and
    lays them out too)."""

    def _on_resize(self, event: events.Resize) -> None:
        screen = cast("Screen[Any]", self)
        app = screen.app
        breakpoints = (screen.HORIZONTAL_BREAKPOINTS or screen.VERTICAL_BREAKPOINTS
                       or app.HORIZONTAL_BREAKPOINTS or app.VERTICAL_BREAKPOINTS)
        if event.size == screen._compositor.size and not breakpoints and not app._background_screens:
            event.prevent_default()  # Screen._on_resize is not called
            event.stop()
