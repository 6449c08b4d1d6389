"""Partial frames render only the rows that changed (tui.partial_frames): what the terminal
shows after every kind of change is still what a full repaint shows, and a pane switch between
opposite corners of the screen renders the lines of the two panes, not of all five."""

from __future__ import annotations

from textual.geometry import Region

from tests.app_helpers import settle, warmed
from tests.terminal import stale_cells, watch_terminal
from tui.partial_frames import MOST_REGIONS, groups


def test_regions_are_grouped_when_the_rectangle_around_them_wastes_nothing() -> None:
    left_top, left_bottom = Region(0, 1, 80, 15), Region(0, 16, 80, 31)
    right_top = Region(80, 1, 80, 15)
    assert groups([left_top, left_bottom]) == [[left_top, left_bottom]]  # one above the other
    assert groups([left_top, right_top]) == [[left_top, right_top]]  # side by side
    diagonal = groups([left_bottom, right_top])
    assert sorted(map(len, diagonal)) == [1, 1]  # the rectangle around them would be all of it
    inside = Region(1, 2, 78, 13)
    assert groups([left_top, inside]) == [[left_top, inside]]
    assert groups([Region(0, 0, 0, 5)]) == []  # nothing to draw
    many = [Region(x * 2, x, 1, 1) for x in range(MOST_REGIONS + 1)]
    assert groups(many) == [many]  # too many to weigh: one crop, as Textual draws it


async def test_every_kind_of_change_leaves_what_a_full_repaint_shows(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    shown = watch_terminal(app)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        # pane switches (diagonal ones too), cursor moves and jumps, the filter, a citizen
        for keys in ("2", "j", "j", "end", "home", "3", "k", "5", "1", "2", "pagedown", "4",
                     "slash", "a", "escape", "3", "enter", "escape", "1"):
            await pilot.press(keys)
            await settle(pilot)
            stale = stale_cells(shown, app)
            assert not stale, f"after {keys}: {len(stale)} cells differ from a full repaint, first {stale[:3]}"


async def test_a_diagonal_pane_switch_renders_the_two_panes_lines_only(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textual.widget import Widget

    from tui.panes.base import Pane

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await warmed(pilot)
        await pilot.press("2")  # the caseload: the left column's lower pane
        await settle(pilot)
        rendered: dict[str, int] = {}
        render_lines = Widget.render_lines

        def counting(self, crop):  # type: ignore[no-untyped-def]
            pane = next((node for node in self.ancestors_with_self if isinstance(node, Pane)), None)
            if pane is not None:
                rendered[pane.id or ""] = rendered.get(pane.id or "", 0) + crop.height
            return render_lines(self, crop)

        monkeypatch.setattr(Widget, "render_lines", counting)
        await pilot.press("3")  # the deadlines: the right column's upper pane
        await settle(pilot)
        assert set(rendered) == {"pane-caseload", "pane-deadlines"}, rendered
