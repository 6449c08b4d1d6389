"""Pictures of every pane, screen, view and theme, at 160x48 and 80x24: a change in what
people see is a reviewed change. Update with `pytest tests/tui/test_snapshots.py
--snapshot-update` and look at the SVGs in tests/tui/__snapshots__/ before committing.

Textual's SVG names its CSS classes after a hash of the styled segments, which include
per-run mouse metadata; the name is normalised so only what a person sees is compared."""

from __future__ import annotations

import re

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from tests.app_helpers import freeze_blink, settle

SIZES = [(160, 48), (80, 24)]


class SVGImage(SingleFileSnapshotExtension):
    _file_extension = "svg"
    _write_mode = WriteMode.TEXT


@pytest.fixture
def snap(snapshot):  # type: ignore[no-untyped-def]
    return snapshot.use_extension(SVGImage)


async def picture(app, size: tuple[int, int], *keys: str, first=None) -> str:  # type: ignore[no-untyped-def]
    """The screen after `keys`; `first(app, pilot)` gets there first where keys alone cannot."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if first is not None:
            await first(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        freeze_blink(app)
        await pilot.pause()
        svg = app.export_screenshot(title="Sagsdag")
    return re.sub(r"terminal-\d+", "terminal", svg)


def _id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=_id)
@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
async def test_pane(snap, make_app, number: int, size) -> None:  # type: ignore[no-untyped-def]
    keys = [str(number)] + (["z"] if size == (160, 48) else [])
    assert await picture(make_app(), size, *keys) == snap


@pytest.mark.parametrize("size", SIZES, ids=_id)
async def test_main_screen(snap, make_app, size) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(), size) == snap


@pytest.mark.parametrize("size", SIZES, ids=_id)
@pytest.mark.parametrize("view,keys", [
    ("citizen", ("3", "enter")),
    ("help", ("2", "question_mark")),
    ("sparring", ("s",)),
    ("numbers", ("m",)),
    ("new_menu", ("3", "enter", "n")),
    ("plan_meeting_form", ("3", "enter", "n", "m")),
    ("contact", ("1", "l", "t", "u")),
    ("access_log", ("L",)),
], ids=lambda v: v if isinstance(v, str) else "")
async def test_view(snap, make_app, view: str, keys, size) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(), size, *keys) == snap


@pytest.mark.parametrize("theme", ["sagsdag-dark", "sagsdag-light", "sagsdag-contrast", "sagsdag-ansi"])
@pytest.mark.parametrize("size", SIZES, ids=_id)
async def test_theme(snap, make_app, theme: str, size) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(theme=theme), size) == snap


@pytest.mark.parametrize("size", SIZES, ids=_id)
async def test_english(snap, make_app, size) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(lang="en"), size) == snap


async def test_english_citizen(snap, make_app) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(lang="en"), (160, 48), "3", "enter") == snap


async def _to_first_planned_meeting(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """On the Today pane, down past the overdue obligations to the day's first planned meeting."""
    from store.queries.rows import AgendaMeeting
    from tui.panes.today import TodayPane

    await pilot.press("1")
    pane = app.screen.query_one(TodayPane)
    for _ in range(60):
        row = pane.row_at_cursor()
        if isinstance(row, AgendaMeeting) and row.status == "planned":
            return
        await pilot.press("j")
    raise AssertionError("the demo day has no planned meeting")


@pytest.mark.parametrize("size", SIZES, ids=_id)
@pytest.mark.parametrize("view,keys", [
    ("meeting_menu", ("v",)),
    ("invitation", ("v", "k")),
    ("afbud_form", ("v", "b")),
    ("move_form", ("v", "f")),
    ("invited_form", ("v", "i")),
], ids=lambda v: v if isinstance(v, str) else "")
async def test_meeting_day(snap, make_app, view: str, keys, size) -> None:  # type: ignore[no-untyped-def]
    """The meeting's own day from its Today row: the menu, the invitation text and the forms."""
    assert await picture(make_app(), size, *keys, first=_to_first_planned_meeting) == snap


@pytest.mark.parametrize("size", SIZES, ids=_id)
async def test_sparring_note(snap, make_app, size) -> None:  # type: ignore[no-untyped-def]
    assert await picture(make_app(), size, "s", "d") == snap
