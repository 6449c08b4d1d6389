"""A save that closes a form is drawn in one frame (tui/frames.py): the first frame drawn after
ctrl+s already shows the form gone, the saved rows and the toast on the screen beneath. Before,
the rows were drawn beneath the form, the screen again as the form went and as the screen
beneath resumed, and the toast in frames of its own."""

from __future__ import annotations

from typing import Any

from textual._compositor import Compositor
from textual.widgets._toast import Toast

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, open_held_form, pane
from tui.screens.main import MainScreen


async def test_the_first_frame_after_a_save_shows_everything_it_changed(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        today = pane(app, "today")
        meeting = await open_held_form(pilot, today)
        frames: list[dict[str, Any]] = []
        original = Compositor.render_update

        def drawn(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            screen = app.screen
            frames.append({
                "screen": type(screen).__name__,
                "held": "✓" in str(today.table.get_cell(f"m{meeting.meeting_id}", "col.state")),
                "toast": any(toast.is_mounted for toast in screen.query(Toast)),
            })
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Compositor, "render_update", drawn)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        saved = [n for n, frame in enumerate(frames) if frame["held"]]
        assert saved, frames
        assert frames[saved[0]] == {"screen": "MainScreen", "held": True, "toast": True}, frames


async def test_a_hold_always_ends(make_app) -> None:
    """A step that never comes delays a frame, never freezes the screen."""
    from tui.frames import hold_frames

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hold_frames(app, longest=0.001)  # never released: its timer ends it
        assert app._batch_count == 1
        for _ in range(50):
            if not app._batch_count:
                break
            await pilot.pause()
        assert app._batch_count == 0
        release = hold_frames(app)
        release()
        release()  # a second release does nothing
        assert app._batch_count == 0


async def test_a_logged_contact_is_drawn_in_one_frame(make_app, monkeypatch) -> None:
    """l on the caseload: the contact screen closes, the caseload shows the contact as today's
    and the toast says so, all in the first frame drawn after enter."""
    from tui.forms.contact import ContactScreen

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2")
        caseload = pane(app, "caseload")
        row = next(r for r in caseload.rows if r.days_since_contact != 0)
        caseload.table.move_cursor(row=list(caseload.rows).index(row), animate=False)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("s", "i", "n")
        frames: list[tuple[str, bool, bool]] = []
        original = Compositor.render_update

        def drawn(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            screen = app.screen
            shown = next(r for r in caseload.rows if r.citizen_id == row.citizen_id)
            frames.append((type(screen).__name__, shown.days_since_contact == 0,
                           any(toast.is_mounted for toast in screen.query(Toast))))
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Compositor, "render_update", drawn)
        await pilot.press("enter")
        await settle(pilot)
        saved = [frame for frame in frames if frame[1]]
        assert saved and saved[0] == ("MainScreen", True, True), frames
