"""What the terminal shows, cell for cell, for tests that check a frame leaves nothing stale:
every frame Textual writes is applied to a grid as the terminal would apply it, and compared
with a full repaint of the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Grid = dict[tuple[int, int], tuple[str, Any]]


def paint(grid: Grid, update: Any, console: Any) -> None:
    """Apply one frame, as the terminal would, to a {(x, y): (char, style)} grid."""
    from rich.cells import cell_len
    from rich.segment import ControlType

    x = y = 0
    for segment in update.__rich_console__(console, console.options):
        if segment.control:
            for code in segment.control:
                if code[0] == ControlType.CURSOR_MOVE_TO:
                    x, y = code[1], code[2]
            continue
        if segment.text == "\n":
            x, y = 0, y + 1
            continue
        for char in segment.text:
            grid[(x, y)] = (char, segment.style)
            x += cell_len(char)


def watch_terminal(app: Any, after_frame: Callable[[Grid], None] | None = None) -> Grid:
    """The grid the app's frames are painted on from now on (`after_frame` sees it after each)."""
    from textual._compositor import CompositorUpdate

    shown: Grid = {}
    draw = app._display

    def display(screen: Any, renderable: Any) -> Any:
        if isinstance(renderable, CompositorUpdate):
            paint(shown, renderable, app.console)
            if after_frame is not None:
                after_frame(shown)
        return draw(screen, renderable)

    app._display = display
    return shown


def full_repaint(app: Any) -> Grid:
    """What a full repaint of the current screen shows."""
    full: Grid = {}
    paint(full, app.screen._compositor.render_update(full=True), app.console)
    return full


def stale_cells(shown: Grid, app: Any) -> list[tuple[int, int]]:
    """The cells the terminal shows that a full repaint would show otherwise."""
    return [xy for xy, cell in full_repaint(app).items() if shown.get(xy) != cell]


def screen_styles(screen: Any) -> dict[int, tuple[object, ...]]:
    """Every node's computed styles, pseudo-classes and component styles: equal before and
    after a restyle when nothing was left to restyle."""
    return {id(node): (tuple(node._css_styles.css_lines), tuple(sorted(node.pseudo_classes)),
                       {name: tuple(s._base_styles.css_lines) for name, s in node._component_styles.items()})
            for node in screen.walk_children(with_self=True)}
