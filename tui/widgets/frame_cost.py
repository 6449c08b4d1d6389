"""Two overrides of Textual 8.2.8 that make the frame after a save cost what the save changed,
carried here until Textual changes upstream (README, "Overrides of Textual"). Measured on a held
save at 50 citizens, 160×48: the frame that shows it re-rendered 55 scrollbar lines, every line
of the three reloaded panes' borders and the screen's background, and was drawn twice (first
without the right column's un-dimming, then the whole screen again).

1. Setting `border_title` or `border_subtitle` refreshes the whole widget, even to the same
   text: a pane re-sets its title and its key hints after every reload, and the whole pane
   (border and all, 15-31 lines) was rendered again. `QuietBorderTitle` leaves an equal title
   alone and repaints only the border line a changed one is drawn on.

2. When a modal screen goes, Textual lays the screen beneath out (the form's removal, the
   toast) and draws the widgets that moved, then, in the same tick, repaints the whole screen
   (it was dimmed beneath the form) and draws it again: two frames, the first showing the new
   rows beside the still dimmed right column. `OneFrameLayout` gives the layout's frame the
   whole screen when a repaint of it is due anyway, so one frame shows it all; the widgets'
   own renders are kept either way, so the whole screen costs only what changed in it. That
   repaint (`Screen.refresh()`) also threw away the screen's own lines, its background under
   every widget: they are kept while nothing they are drawn from (size, colours, styles,
   theme) has changed.

3. The save's layout drew two more frames after it that changed no cell (~7 and ~2.5 ms of
   CPU): the new toast's first size and each table's scrollbars ask, from inside the layout,
   for another layout and a repaint, and the toast rack's layout message, posted before the
   layout, arrives after it. `OneFrameLayout` drops what the layout and its whole-screen frame
   have done already (`_refresh_layout`, `_on_layout`).

Measured and not done: writing only the lines of a whole-screen frame that differ from what the
terminal shows. The save's frame changes all 48 lines (the form dimmed every one), so it would
write as much as now; the frame's own CPU is compositing from kept renders (~2.5 ms of a full
screen) and the rows that changed, not the terminal output (~0.3 ms, 20 kB).

Upstream material: (1) skip an unchanged title and dirty only its line; (2) fold a pending
screen repaint into the layout's frame in `Screen._on_timer_update`; (3) a layout message
posted before a full layout began asks for nothing more. Not carried: every layout
re-renders each table's scrollbars (55 lines in the save's frame) because
`ScrollView._size_updated` compares the viewport's size with the content's; quieting it
changes how many frames start-up's pane-by-pane landing waits for
(tests/startup/test_panes_in_turn.py), which is start-up's to decide.
tests/tui/test_save_frame.py checks, cell for cell, that the first frame after a save shows
what a full repaint shows."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import _time, messages
from textual.geometry import Region
from textual.widget import Widget, _BorderTitle


class QuietBorderTitle(_BorderTitle):
    """`border_title`/`border_subtitle` that refreshes only when the text changes, and then
    only the border line it is drawn on (the top one, or the bottom one for a subtitle)."""

    def __set__(self, obj: Widget, title: Any) -> None:
        before = getattr(obj, self._internal_name, None)
        if isinstance(title, Text):
            from textual.content import Content

            title = Content.from_rich_text(title)
        new = None if title is None else obj.render_str(title).expand_tabs(4).split()[0]
        if new == before and (new is None or before is None or new.spans == before.spans):
            return
        setattr(obj, self._internal_name, new)
        outer = obj.outer_size
        if not obj.is_mounted or not outer:
            obj.refresh()
            return
        # refresh() takes regions relative to the content: the border is above (or below) it.
        left, top = obj.content_offset
        row = 0 if self._internal_name == "_border_title" else outer.height - 1
        obj.refresh(Region(-left, row - top, outer.width, 1))


class QuietTitles:
    """Mix into a widget whose border title and subtitle are set again and again (a pane)."""

    border_title = QuietBorderTitle()
    border_subtitle = QuietBorderTitle()


class OneFrameLayout:
    """Mix into a Screen (before `Screen` in the bases)."""

    _drawn_look: tuple[object, ...] | None = None

    def _own_look(self) -> tuple[object, ...]:
        """What the screen's own lines (its background, under every widget) are drawn from."""
        screen: Any = self
        styles = screen.styles
        return (screen.size, screen.background_colors, styles.color, styles.tint, styles.text_style,
                styles.border, styles.padding, styles.opacity, screen.app.theme, screen.app.ansi_theme)

    def _set_dirty(self, *regions: Region) -> None:
        # Textual repaints the whole screen when a screen above it goes (Screen.refresh), which
        # also throws away the screen's own lines (48 at 160×48, ~2 ms): kept while nothing
        # they are drawn from has changed; the whole screen is still marked for the frame.
        screen: Any = self
        look = self._own_look() if not regions else None
        if look is not None and look == self._drawn_look:
            outer = screen.outer_size.region
            screen._dirty_regions.clear()
            screen._repaint_regions.clear()
            screen._dirty_regions.add(outer)
            screen._repaint_regions.add(outer)
            return
        super()._set_dirty(*regions)  # type: ignore[misc]
        if look is not None:
            self._drawn_look = look

    def _on_timer_update(self) -> None:
        screen: Any = self
        if (screen._layout_required and screen._repaint_required and screen.is_current
                and not screen.app._batch_count and not screen.app.is_inline):
            # The repaint is of the whole screen (Screen.refresh with no region): the layout's
            # own frame draws the whole screen, from the widgets' kept renders.
            screen._compositor._dirty_regions.add(screen.size.region)
            screen._repaint_required = False
            screen._dirty_widgets.discard(screen)
            screen._exchange_repaint_regions()  # drawn by the frame above, not again later
        super()._on_timer_update()  # type: ignore[misc]

    _reflowed_at = float("-inf")  # when the last full layout of the screen began

    def _refresh_layout(self, size: Any = None, scroll: bool = False) -> None:
        # After the save's frame Textual drew two more that changed no cell (~7 and ~2.5 ms of
        # CPU): a second layout of the whole screen, asked for by the toast the save mounted,
        # then the scrollbars that second layout re-rendered. Two kinds of request asked:
        # - A leaf widget sized or scrolled by the layout (the toast, each table's scrollbars)
        #   asks, from inside the layout, for another layout and a repaint (`virtual_size` is
        #   a reactive; a scrollbar is refreshed with its new window). When the frame that
        #   follows the layout draws the whole screen (the save's), every widget is drawn in
        #   it from its fresh state: requests a leaf raised during the layout are dropped.
        #   A leaf's requests from before the layout, any other widget's, and every request
        #   in a frame that draws only part of the screen, stay.
        # - A layout message posted before this layout began (the toast rack's, for the toast
        #   mounted in it), handled after it: see `_on_layout`.
        screen: Any = self
        if not (scroll and not screen._layout_widgets):  # Textual's own test for a full reflow
            self._reflowed_at = _time.get_time()
        whole = (screen.is_current and not screen.app._batch_count
                 and screen.size.region in screen._compositor._dirty_regions)
        laid_out = screen._compositor._full_map  # the scrollbars too, unlike `widgets`
        before = {widget for widget in laid_out if widget._layout_required or widget._repaint_required} if whole else set()
        super()._refresh_layout(size, scroll)  # type: ignore[misc]
        if not whole:
            return
        for widget in screen._compositor._full_map:
            if ((widget._layout_required or widget._repaint_required) and widget not in before
                    and not widget._nodes and widget.styles.layout is None and not widget.is_scrollable):
                widget._layout_required = False
                widget._repaint_required = False

    async def _on_layout(self, message: messages.Layout) -> None:
        # A widget posts its layout message after clearing its ancestors' arrangements, so a
        # full layout begun after the message was posted has laid the widget out already:
        # the message asks for nothing more. Otherwise Textual's own handler (Screen._on_layout)
        # runs next, as this one does not prevent it.
        if message.time < self._reflowed_at:
            message.stop()
            message.prevent_default()
