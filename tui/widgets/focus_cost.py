"""Three overrides of Textual 8.2 that make moving focus cost what it changes, not a whole
screen. They are carried here until Textual fixes them upstream (see README, "Tests, speed and
soak"); tests/tui/test_startup.py checks that after every pane switch the terminal shows, cell
for cell, what a full repaint shows.

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
   it is created, inside the layout that created it.

3. `DataTable.notify_style_update` empties every render cache on every restyle, and gaining or
   losing focus is a restyle: each pane switch re-renders every visible row of two tables
   through Rich (about 40 ms at 160×48), although the caches are already keyed by the focus
   state and the base style. `KeepRendersAcrossFocus` empties them only when the styles a
   render depends on (the base style and every component style, for the current pseudo-class
   state, and the table's size) differ from those the cached renders were made with, as after
   a theme switch or a maximize.

4. Setting a scrollbar colour refreshes the widget's scrollbars even when the colour is the one
   it had (Textual's `ScrollbarColorProperty.__set__`), and every restyle sets them all again:
   each pane switch drew a second frame, 3-5 ms of the main thread and one more write to the
   terminal, of two scrollbars that had not changed. `quiet_scrollbar_colours` (installed when
   this module is imported: every table imports it) refreshes them only when a colour changes.

5. Every restyle works out each component class's styles from the whole stylesheet again
   (`Stylesheet._process_component_classes`): a table has 18, and gaining or losing focus
   took ~1.5 ms of it a table, twice a pane switch, though the table has only ever been in a
   few states. `keep_component_styles` (installed on import, like 4) keeps a table's component
   styles for each state it has been styled in, and takes them from there when it is in that
   state again. A state is the stylesheet's rules and, from the app down to the table, each
   node's type, id, classes and pseudo-classes: all a selector can match."""

from __future__ import annotations

from typing import Any

from textual.css._style_properties import ColorProperty, ScrollbarColorProperty
from textual.css.stylesheet import Stylesheet
from textual.css.styles import StylesBase
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widget import Widget
from textual.widgets import DataTable


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


class KeepRendersAcrossFocus:
    """Mix into a DataTable subclass (before `DataTable` in the bases)."""

    _render_prints: dict[Any, Any] | None = None
    # For `keep_component_styles`: the rules map they were made from, and by state the styles.
    _kept_component_styles: tuple[Any, dict[tuple[Any, ...], dict[str, Any]]] | None = None
    _restyled = True

    def notify_style_update(self) -> None:
        super(DataTable, self).notify_style_update()  # type: ignore[misc]  # Widget's own part
        # Keyed without the focus state, and cheap: these always go.
        self._get_styles_to_render_cell.cache_clear()  # type: ignore[attr-defined]
        self._styles_cache.clear()  # type: ignore[attr-defined]
        self._restyled = True

    def render_lines(self, crop: Any) -> Any:
        if self._restyled:
            self._restyled = False
            state = self.get_pseudo_class_state()  # type: ignore[attr-defined]
            # A row's render also depends on the table's width (a maximized pane is wider). A
            # component's style is the table's own (`rich_style`, which blends the ancestors'
            # backgrounds) with the component's rules on top, so its rules stand for it: asking
            # for each component's Rich style walked every ancestor 13 times a restyle (0.5 ms,
            # twice a pane switch), against 0.07 ms for the rules.
            # (Read from the styles Textual keeps for each component, not through
            # `get_component_styles`, which builds a merged copy on every call.)
            components = self._component_styles  # type: ignore[attr-defined]
            fingerprint = (self.size, self.rich_style, tuple(  # type: ignore[attr-defined]
                tuple(sorted(components[name].get_rules().items())) if name in components else None
                for name in sorted(type(self).COMPONENT_CLASSES)))  # type: ignore[attr-defined]
            prints = self._render_prints
            if prints is None or prints.get(state, fingerprint) != fingerprint:
                DataTable.notify_style_update(self)  # type: ignore[arg-type]  # empties every cache
                prints = {}
            prints[state] = fingerprint
            self._render_prints = prints
        return super().render_lines(crop)  # type: ignore[misc]


def quiet_scrollbar_colours() -> None:
    """`ScrollbarColorProperty.__set__` as Textual's, but the scrollbars are refreshed only when
    the colour changed."""

    def set_if_changed(self: ScrollbarColorProperty, obj: StylesBase, color: Any) -> None:
        before = obj.get_rule(self.name)
        ColorProperty.__set__(self, obj, color)
        widget = obj.node
        if not isinstance(widget, Widget) or obj.get_rule(self.name) == before:
            return
        if widget.show_horizontal_scrollbar:
            widget.horizontal_scrollbar.refresh()
        if widget.show_vertical_scrollbar:
            widget.vertical_scrollbar.refresh()

    ScrollbarColorProperty.__set__ = set_if_changed  # type: ignore[method-assign]


def keep_component_styles() -> None:
    """`Stylesheet._process_component_classes` as Textual's, but for a table with
    `KeepRendersAcrossFocus` the styles of a state it has been in are taken from its own keep."""
    def kept(self: Stylesheet, node: Any) -> None:
        process = TEXTUAL_PROCESS_COMPONENT_CLASSES
        if not isinstance(node, KeepRendersAcrossFocus):
            process(self, node)
            return
        rules_map = self.rules_map
        keep = node._kept_component_styles
        if keep is None or keep[0] is not rules_map:  # the stylesheet changed: a theme, say
            keep = node._kept_component_styles = (rules_map, {})
        state = tuple((part._css_type_name, part._id, frozenset(part._classes), part.pseudo_classes)
                      for part in node.css_path_nodes)  # type: ignore[attr-defined]
        styles = keep[1].get(state)
        if styles is None:
            process(self, node)  # type: ignore[arg-type]  # a DOMNode: a table
            keep[1][state] = dict(node._component_styles)  # type: ignore[attr-defined]
            return
        current: dict[str, Any] = node._component_styles  # type: ignore[attr-defined]
        changed = any(current.get(name) is not style for name, style in styles.items())
        current.clear()
        current.update(styles)
        if changed:
            node.refresh()  # type: ignore[attr-defined]  # as Textual does when they change

    Stylesheet._process_component_classes = kept  # type: ignore[method-assign]


TEXTUAL_PROCESS_COMPONENT_CLASSES = Stylesheet._process_component_classes
quiet_scrollbar_colours()
keep_component_styles()
