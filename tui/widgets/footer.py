"""The footer: one widget that draws one line, the keys of the screen's active bindings.

Textual's `Footer` is a container with one `FooterKey` widget per key: each is mounted, styled
(two component classes apiece) and rendered on its own, and the whole row is recomposed, which
lays the screen out again, whenever the bindings change. On the main screen that was about a
tenth of the first frame, and it cost again on every screen pushed and every change of focus
(issue 15). This footer keeps the same keys in the same order with the same look (the key bold
in the key colour, the description after it, the command palette key on the right behind a thin
bar) as one Rich `Text`, and repaints only when the keys it shows change.

Pane-specific keys are not here but in each pane's own border. Help and quit come first: a
narrow terminal cuts the footer from the right. Keyboard-only: a click on it does nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

# Always shown, first: a narrow terminal cuts the footer from the right.
FIRST = ("help", "quit", "app.help", "app.quit")
PALETTE_BAR = "▏"  # Textual's `vkey` left border, which set the palette key apart

# (key as displayed, description, enabled): what the footer shows, and all it depends on
# besides its width and the theme.
Shown = tuple[tuple[str, str, bool], ...]


def shown_keys(screen: Screen[Any]) -> tuple[Shown, tuple[str, str, bool] | None]:
    """The keys Textual's footer would show for `screen`, in its order (one per action, the
    first binding of each; help and quit moved to the front), and the command palette key."""
    app = screen.app
    first: list[tuple[str, str, bool]] = []
    rest: list[tuple[str, str, bool]] = []
    actions: set[str] = set()
    palette = None
    active = screen.active_bindings
    for _node, binding, enabled, _tooltip in active.values():
        if not binding.show or binding.action in actions:
            continue
        actions.add(binding.action)
        (first if binding.action in FIRST else rest).append((app.get_key_display(binding), binding.description, enabled))
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
        palette = (app.get_key_display(binding), binding.description, enabled)
    return tuple(first + rest), palette


class QuietFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"footer--key", "footer--description", "footer--bar"}
    DEFAULT_CSS = """
    QuietFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer--bar {
            color: $foreground 20%;
        }
    }
    """

    _shown: tuple[Shown, tuple[str, str, bool] | None] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Repaint (one line, no layout) only when the keys shown are not the ones drawn."""
        if screen is self.screen and self._shown is not None and shown_keys(screen) != self._shown:
            self.refresh()

    def render(self) -> Text:
        self._shown = keys, palette = shown_keys(self.screen)
        base = self.rich_style
        key_style = self.get_component_rich_style("footer--key")
        description_style = self.get_component_rich_style("footer--description")
        dim = Style(dim=True)
        width = self.size.width

        def key(text: Text, display: str, description: str, enabled: bool, compact: bool = False) -> None:
            start = len(text)
            if description and compact:  # Textual's compact key: no padding round the key
                text.append(display, key_style)
                text.append(f" {description}", description_style)
            elif description:
                text.append(f" {display} ", key_style)
                text.append(f"{description} ", description_style)
            else:
                text.append(display, key_style)
            if not enabled:
                text.stylize(dim, start)

        line = Text(no_wrap=True, overflow="crop", end="")
        for display, description, enabled in keys:
            key(line, display, description, enabled)
        if palette is None:
            line.truncate(width, pad=True)
            line.stylize_before(base)
            return line
        right = Text(no_wrap=True, end="")
        right.append(PALETTE_BAR, self.get_component_rich_style("footer--bar"))
        key(right, *palette, compact=True)  # as Textual draws it: compact, and padded on the right
        right.append(" ")
        room = max(0, width - cell_len(right.plain))
        line.truncate(room, pad=True)
        line.append_text(right)
        line.truncate(width)
        line.stylize_before(base)
        return line
