"""A frame that changes part of the screen renders the widgets' lines in that part, not every
line of every widget the part touches. An override of Textual 8.2.8's
`Compositor.render_partial_update`, carried here until Textual does the same upstream.

Textual draws a partial frame from one crop, the rectangle around everything that changed,
and renders *every* line of each widget that crop touches (`_get_renders` renders a widget's
whole visible region; the lines outside the changed ones are then thrown away). A pane switch
changes the pane left and the pane entered: with the two in opposite corners of the screen,
the crop was all five panes, and the frame went through every line of all five tables, their
panes and the containers behind them, ~40% of it for lines that had not changed. A cursor
move, two lines of one table, went through every line of that table and of the screen.

Here the changed regions are first gathered into groups whose rectangle wastes nothing (two
regions are grouped when the rectangle around both is no larger than the two together), and
each group is drawn from its own crop, each widget rendering only the rows of the crop it
covers. A widget's columns are never cut: the frame's pieces are cut at the widgets' edges
(Textual's "cuts"), and a row rendered whole keeps those edges where Textual expects them.
What reaches the terminal is the same spans Textual writes (tests/tui/test_partial_frames.py
compares the screen with a full repaint after each kind of change)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import cast

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

from tui.widgets.covered import SkipCovered, covered_widgets

# More changed regions than this in one frame (a whole list redrawn cell by cell, say) are
# drawn from one crop, as Textual does: grouping them would cost more than it saves.
MOST_REGIONS = 24


def groups(regions: Collection[Region]) -> list[list[Region]]:
    """The regions in groups, each to be drawn from the rectangle around it: two groups are
    joined while the rectangle around both is no larger than the two rectangles together."""
    found = [(region, [region]) for region in regions if region.area]
    if len(found) > MOST_REGIONS:
        return [[region for _, members in found for region in members]]
    joined = True
    while joined:
        joined = False
        for i in range(len(found)):
            for j in range(i + 1, len(found)):
                (first, first_members), (second, second_members) = found[i], found[j]
                around = Region.from_union([first, second])
                if around.area <= first.area + second.area:
                    found[i] = (around, first_members + second_members)
                    del found[j]
                    joined = True
                    break
            if joined:
                break
    return [members for _, members in found]


def _rows_of_renders(compositor: Compositor, crop: Region,
                     skip: Collection[object]) -> Iterator[tuple[Region, Region, list[Strip]]]:
    """As `Compositor._get_renders(crop)`, in the same order, but each widget renders only the
    rows of `crop` it covers (its columns whole, as far as it is visible)."""
    top, bottom = crop.y, crop.bottom
    for widget, (region, clip) in compositor.visible_widgets.items():
        if widget in skip:
            continue
        visible = region.intersection(clip)
        if not visible.area or not visible.overlaps(crop):
            continue
        first, last = max(visible.y, top), min(visible.bottom, bottom)
        if first >= last:
            continue
        rows = Region(visible.x, first, visible.width, last - first)
        strips = widget.render_lines(Region(rows.x - region.x, rows.y - region.y, rows.width, rows.height))
        yield rows, rows, strips


def _render_chops(compositor: Compositor, crop: Region, is_rendered_line: Callable[[int], bool],
                  skip: Collection[object]) -> list[dict[int, Strip | None]]:
    """Textual's `Compositor._render_chops`, from `_rows_of_renders`."""
    cuts = compositor.cuts
    left, right = crop.column_span
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in _rows_of_renders(compositor, crop, skip):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips):
            if not is_rendered_line(y):
                continue
            chops_line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            cut_strips = strip.divide([cut - render_x for cut in final_cuts[1:]])
            get = chops_line.get
            for cut, end, piece in zip(final_cuts, final_cuts[1:] + [last_cut], cut_strips):
                # Only the pieces that reach into the crop: outside it only the widgets behind
                # (the screen, the containers) were rendered, and another group draws them.
                if cut < right and end > left and get(cut) is None:  # front to back: the first wins
                    chops_line[cut] = piece
    return chops


def _add(chops: list[dict[int, Strip | None]], more: Iterable[dict[int, Strip | None]]) -> None:
    for line, more_line in zip(chops, more):
        for cut, piece in more_line.items():
            if piece is not None and line.get(cut) is None:
                line[cut] = piece


def render_partial_update(self: Compositor) -> ChopsUpdate | None:
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not update_regions:
        return None
    screen_region = self.size.region
    spans = list(self._regions_to_spans(update_regions))
    # A container its children tile is left out, as the main screen's compositor leaves it out
    # of Textual's renders (tui.widgets.covered): none of its pieces would be kept. Worked out
    # once a frame, for every group.
    skip = covered_widgets(self.visible_widgets) if isinstance(self, SkipCovered) else ()
    chops: list[dict[int, Strip | None]] | None = None
    for group in groups(update_regions):
        crop = Region.from_union(group).intersection(screen_region)
        if not crop.area:
            continue
        lines = {y for region in group for y in region.line_range}
        part = _render_chops(self, crop, lines.__contains__, skip)
        if chops is None:
            chops = part
        else:
            _add(chops, part)
    if chops is None:
        return None
    chop_ends = [cut_set[1:] for cut_set in self.cuts]
    return ChopsUpdate(cast(Sequence[Mapping[int, Strip | None]], chops), spans, chop_ends)


def install() -> None:
    """From now on every screen's partial frames are drawn here."""
    Compositor.render_partial_update = render_partial_update  # type: ignore[method-assign]

