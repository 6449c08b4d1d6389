"""A screen's first layout is its last before the first key: scrollbars decided in it.

Textual 8.2.8 decides whether a scrollable widget shows a scrollbar only after the layout that
sized it (`Widget._size_updated` -> `_refresh_scrollbars`), so the layout itself arranged the
widget without one. On the main screen at start the caseload table, filled from the quick
first page, turned its vertical scrollbar on in the first layout: the first frame was drawn
without it, and a second layout of the whole screen and a second frame followed, just as the
first key came. That layout was asked for by every widget as well: each one sized for the
first time sets its `virtual_size`, a reactive that asks for another layout and a repaint,
although the layout that set it had just arranged everything from that very size. Together
~11–14 ms of the main thread after the first frame (issue 15).

`LaidOutWithScrollbars` lays the screen out once more at once, before anything is drawn, when
its first layout turned a scrollbar on or off; the first frame then shows the scrollbar where
the settled screen has it. The layout and repaint requests the widgets raised while being laid
out are covered by that layout and by the first frame, which draws the whole screen; they are
dropped (as are the whole-screen repaint Textual's resume asks for right after it and the
repaints the widgets asked for as they mounted, which arrive after the frame), and so are the
layout requests from before it (the widgets mounting), once the arrangements they
outdated are forgotten as Textual would forget them; all stay when the scrollbars still change
in the second layout (Textual's way then). Only a screen's first layout, at a
given size, before its first frame: later layouts are Textual's. Carried until Textual settles
scrollbars in the layout upstream. tests/startup/test_first_layout_scrollbars.py counts the
layouts and frames before the first key, and compares the first frame with a full repaint."""

from __future__ import annotations

from typing import Any

from textual import _time, messages
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DataTable


def _scrollbars(widgets: Any) -> dict[Widget, tuple[bool, bool]]:
    return {widget: (widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar)
            for widget in widgets if widget.is_scrollable}


def _forget_arrangements(widget: Widget) -> None:
    """What Textual does when it takes up a widget's layout request (`Widget._check_refresh`):
    the arrangements of its ancestors, up to the first of fixed size, are made again."""
    for ancestor in widget.ancestors:
        if not isinstance(ancestor, Widget):
            break
        ancestor._clear_arrangement_cache()
        ancestor._layout_updates += 1
        if not ancestor.styles.auto_dimensions:
            break


class LaidOutWithScrollbars:
    """Mix into a Screen, before the mixins that wrap `_refresh_layout` (OneFrameLayout) and
    before `Screen` in the bases."""

    _first_layout_done = False
    _frame_held = False
    _frame_wanted = False

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        screen: Any = self
        if self._first_layout_done or size is None or scroll or not screen.is_current:
            super()._refresh_layout(size, scroll)  # type: ignore[misc]
            return
        self._first_layout_done = True
        widgets = list(screen.walk_children(Widget, with_self=True))
        for widget in widgets:
            if widget._layout_required:
                _forget_arrangements(widget)
        shown = _scrollbars(widgets)
        self._frame_held, self._frame_wanted = True, False
        try:
            super()._refresh_layout(size, scroll)  # type: ignore[misc]
            settled = True
            if _scrollbars(shown) != shown:
                # Arranged without the scrollbars the layout has just turned on (or with those
                # it turned off): again, before any of it is drawn.
                again = _scrollbars(shown)
                super()._refresh_layout(size, scroll)  # type: ignore[misc]
                settled = _scrollbars(again) == again
        finally:
            self._frame_held = False
        whole = screen.size.region in screen._compositor._dirty_regions
        if settled and whole:
            # Every widget was arranged by these layouts, after the arrangements its own
            # earlier requests outdated were forgotten, and is drawn whole by the frame below.
            for widget in [screen, *screen._compositor._full_map]:
                widget._layout_required = False
                widget._repaint_required = False
        if self._frame_wanted:
            self._frame_wanted = False
            screen._compositor_refresh()
            if settled and whole:
                # A table's first render empties its caches and asks for a repaint
                # (KeepRendersAcrossFocus -> DataTable.notify_style_update) before rendering
                # every line of itself, all of which a frame of the whole screen writes.
                for widget in screen._compositor._full_map:
                    if isinstance(widget, DataTable):
                        widget._repaint_required = False
                self._whole_drawn_at = _time.get_time()
                # Textual's resume repaints the whole screen right after this layout
                # (`Screen._on_screen_resume`): a second full frame of what was just drawn.
                self._just_drawn_whole = True
                screen.call_next(self._drawn_whole_passes)

    _just_drawn_whole = False
    _whole_drawn_at = float("-inf")  # when the first layout's whole frame was drawn

    def _drawn_whole_passes(self) -> None:
        self._just_drawn_whole = False

    async def _on_update(self, message: messages.Update) -> None:
        # A widget asks for its repaint on its next idle, after it was marked dirty: the
        # widgets mounting asked before the first frame, and their messages came after it, for
        # a second frame of the same cells. A frame of the whole screen drawn after the message
        # was posted has drawn the widget from its fresh state. Otherwise Textual's own handler
        # (Screen._on_update) runs next, as this one does not prevent it.
        if message.time < self._whole_drawn_at:
            message.stop()
            message.prevent_default()

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Any:
        if self._just_drawn_whole and not regions and repaint and not layout and not recompose:
            self._just_drawn_whole = False
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)  # type: ignore[misc]

    def _compositor_refresh(self) -> None:
        if self._frame_held:  # the first layout's frame, drawn once that layout is complete
            self._frame_wanted = True
            return
        super()._compositor_refresh()  # type: ignore[misc]
