"""A container its children cover entirely is not rendered for a frame: nothing of it shows.

Textual 8.2.8's compositor renders every visible widget of a frame's area, front to back, and
keeps, for each piece of each line, the front-most render: a container's own lines (its
background) are rendered in full even where its children cover every cell of it. On the main
screen the screen itself, `#panes`, `#left` and `#right` are tiled exactly by what they hold:
~0.7–0.9 ms each of the first frame (48 and 46 lines of blank background) drawn and thrown
away, ~3 ms before the first key (issue 15), and again in every frame of the whole screen.

`SkipCovered` (a compositor, used by the main screen) leaves out of a frame's renders a widget
whose visible part is exactly covered by its own visible children, side by side without
overlapping (a scrollbar counts among them: its parent is the widget it scrolls). A container
with a border, padding or a gap between its children is not covered and renders as before. What is
shown is what Textual shows, cell for cell: the pieces the compositor keeps are the children's
either way (tests/startup/test_first_frame_covered.py and the SVG snapshots)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def covered_widgets(visible: dict[Widget, tuple[Region, Region]]) -> set[Widget]:
    """Widgets whose visible part their visible children tile exactly."""
    shown: dict[Widget, Region] = {widget: region.intersection(clip) for widget, (region, clip) in visible.items()}
    children: dict[Widget, list[Region]] = {}
    for widget, part in shown.items():
        parent = widget._parent
        if isinstance(parent, Widget) and parent in shown and part:
            children.setdefault(parent, []).append(part)
    covered: set[Widget] = set()
    for parent, parts in children.items():
        area = shown[parent]
        inside = [part.intersection(area) for part in parts]
        if sum(part.area for part in inside) != area.area:
            continue
        if any(a.overlaps(b) for a, b in combinations(inside, 2)):
            continue
        covered.add(parent)
    return covered


class SkipCovered(Compositor):
    """Textual's compositor, leaving covered containers out of a frame's renders."""

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        skip = covered_widgets(self.visible_widgets)
        if not skip:
            yield from super()._get_renders(crop)
            return
        visible = self.visible_widgets
        try:
            self._visible_widgets = {widget: place for widget, place in visible.items() if widget not in skip}
            renders = list(super()._get_renders(crop))
        finally:
            self._visible_widgets = visible
        yield from renders
