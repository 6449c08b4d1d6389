"""A screen is styled once before its first frame, not twice.

Textual 8.2 restyles the whole screen when it is resumed (`ScreenResume.refresh_styles`), the
first time too. By then every widget has just been styled as it mounted, and any later change
of class or focus restyles what it touches at once: the first resume's restyle computed the
same styles again before the first frame (~12–16 ms on the main screen at start, every
table's component classes on a citizen's). tests/startup/test_first_paint.py and
tests/tui/test_citizen_open.py check that a restyle afterwards finds every style the same.
Carried here until Textual skips it upstream."""

from __future__ import annotations

from textual import events


class StyledOnce:
    """Mix into a Screen; call `skip_first_restyle` from its `on_screen_resume`, which Textual
    runs before its own handler (Screen._on_screen_resume, later in the MRO)."""

    _resumed_once = False

    def skip_first_restyle(self, event: events.ScreenResume | None) -> None:
        if not self._resumed_once and event is not None:
            self._resumed_once = True
            event.refresh_styles = False
