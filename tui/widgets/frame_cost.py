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

Upstream material: (1) skip an unchanged title and dirty only its line; (2) fold a pending
screen repaint into the layout's frame in `Screen._on_timer_update`. Not carried: every layout
re-renders each table's scrollbars (55 lines in the save's frame) because
`ScrollView._size_updated` compares the viewport's size with the content's; quieting it
changes how many frames start-up's pane-by-pane landing waits for
(tests/startup/test_panes_in_turn.py), which is start-up's to decide.
tests/tui/test_save_frame.py checks, cell for cell, that the first frame after a save shows
what a full repaint shows."""

from __future__ import annotations

from typing import Any

from rich.text import Text
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
