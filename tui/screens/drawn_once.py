"""A screen is laid out and drawn whole once as it opens, not three times.

Textual 8.2 does more than the first frame needs when a screen is pushed. Measured on opening a
citizen at 160x48 (issue 11), each a full reflow or a full frame at the same places:

1. After a screen's first layout, Textual posts a Resize to the screen itself (it is among the
   widgets that layout shows), and `Screen._on_resize` lays the screen out and paints it again
   at the size it was just laid out at, and lays out the screen beneath too.
2. As that first layout gives each widget its size, it sets each one's `virtual_size`, a
   reactive that asks for a layout (and a repaint) again; requests made before it (a table's
   new rows) arrive after it. One more reflow and a second frame of the whole screen followed.
3. Textual counts the screen beneath as one that may show through, whatever the screen above:
   a change beneath repaints those regions of this screen (`Screen._compositor_refresh`, the
   only caller that passes regions to a screen's refresh). Pushing this screen marks all of
   the one beneath for a repaint, so the whole screen was drawn again.

`DrawnOnce` drops a Resize to the size the screen was laid out at (a real change of the
terminal's size differs from it and goes on); drops the layout and repaint requests made
before and by the first layout, which read every widget as it then was and drew all of it, but
for a table whose scrollbar it showed or hid (its content is a bar narrower or wider); and, on
an opaque screen, drops repaints asked for from beneath. Only when that first layout draws its
frame (the screen is shown). tests/tui/test_citizen_open.py counts the reflows and frames,
checks that every frame equals a full repaint, that a layout afterwards moves nothing and that
a real resize is still laid out. Carried here until Textual does the same upstream."""

from __future__ import annotations

from typing import Any

from textual import events, messages
from textual._time import get_time
from textual.geometry import Region, Size

_Bars = tuple[bool, bool] | None


def _bars(widget: Any) -> _Bars:
    """Which scrollbars a scrollable widget shows (None for any other widget)."""
    if not getattr(widget, "is_scrollable", False):
        return None
    return (widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar)


class DrawnOnce:
    """Mix into a Screen class (before `Screen` in the bases)."""

    _laid_out_at: float | None = None  # when the first layout began (Textual's clock)
    _painted_whole = False  # that layout's frame drew the whole screen, just now

    async def _on_resize(self, event: events.Resize) -> None:
        screen: Any = self
        if event.size == screen.outer_size:  # laid out at (`size` is the app's, already the new one)
            event.prevent_default()  # Screen._on_resize is not called
            event.stop()

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        screen: Any = self
        first = (self._laid_out_at is None and not scroll and bool(size or screen.outer_size)
                 and screen.is_current)
        began = get_time()
        before = {widget: _bars(widget) for widget in screen.walk_children(with_self=False)} if first else {}
        super()._refresh_layout(size, scroll)  # type: ignore[misc]
        if not first:
            return
        self._laid_out_at = began
        screen._layout_required = False
        screen._repaint_required = False
        for widget in screen.walk_children(with_self=False):
            if before.get(widget) == _bars(widget):
                widget._layout_required = False
                widget._repaint_required = False
        # The resume's repaint, asked for right after this layout, is skipped once.
        self._painted_whole = True
        screen.call_later(self._forget_painted)

    def _forget_painted(self) -> None:
        self._painted_whole = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Any:
        screen: Any = self
        only_painting = not layout and not recompose
        if only_painting and regions and screen.styles.background.a == 1:
            return self  # from beneath: nothing of it shows through an opaque screen
        if only_painting and not regions and self._painted_whole:
            self._painted_whole = False
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)  # type: ignore[misc]

    async def _on_layout(self, message: messages.Layout) -> None:
        if self._laid_out_at is not None and message.time <= self._laid_out_at:
            message.prevent_default()  # done by the first layout: Screen._on_layout is not called
            message.stop()

    async def _on_update(self, message: messages.Update) -> None:
        if self._laid_out_at is not None and message.time <= self._laid_out_at:
            message.prevent_default()  # drawn by the first layout's frame: Screen._on_update is not called
            message.stop()
