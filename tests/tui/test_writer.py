"""The one writer: a save is a message, its answer goes to the form that sent it, a form
closes only while it is on top, esc waits for a save in flight, and a failing load or write
is a sentence on screen while the pane keeps its last good rows."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select

from store.db.models import UndoEntry
from store.db.session import reading
from store.queries.rows import AgendaMeeting
from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, fill, pane
from tui.forms.meeting import HeldForm
from tui.screens.main import MainScreen


class GatedStore:
    """The real store, except that a write waits until the test lets it through: the test
    can press keys while the save is under way, as a caseworker can on a slow disk."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.started = threading.Event()
        self.release = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _gate(self) -> None:
        self.started.set()
        assert self.release.wait(30), "the test never let the write through"

    def execute(self, command: Any) -> Any:
        self._gate()
        return self._store.execute(command)

    def run(self, *args: Any, **kwargs: Any) -> Any:  # the write path before commands were values
        self._gate()
        return self._store.run(*args, **kwargs)


def _held_entries(store: Any) -> int:
    with reading(store.engine) as s:
        return s.scalar(select(func.count()).select_from(UndoEntry).where(UndoEntry.label == "meetings.mark_held"))


async def _open_held_form(pilot: Any) -> HeldForm:
    today = pane(pilot.app, "today")
    index = next(i for i, row in enumerate(today.rows) if isinstance(row, AgendaMeeting) and row.status == "planned")
    await pilot.press("1")
    today.table.move_cursor(row=index, animate=False)
    await pilot.press("h")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, HeldForm)
    return form


async def _wait_for(pilot: Any, event: threading.Event) -> None:
    for _ in range(500):
        if event.is_set():
            return
        await pilot.pause()
    raise AssertionError("the write never started")


async def test_esc_during_a_save_waits_and_the_form_saves_once(make_app, demo_store) -> None:
    """The race from issue 11: ctrl+s, then esc on the dirty form while the write runs. Before,
    esc opened the discard question, the save's dismiss() closed the question instead of the
    form, the stack ended [MainScreen, HeldForm] and the next ctrl+s saved a second time."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = _held_entries(demo_store)
        form = await _open_held_form(pilot)
        fill(form, summary="Talte om praktik")
        gate = GatedStore(app.store)
        app.store = gate
        await pilot.press("ctrl+s")
        await _wait_for(pilot, gate.started)
        await pilot.press("escape")
        await pilot.pause()
        gate.release.set()
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [MainScreen]
        await pilot.press("ctrl+s")  # on the main screen now: nothing to save
        await settle(pilot)
        assert _held_entries(demo_store) == before + 1


async def test_ctrl_s_twice_during_a_save_sends_one_command(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = _held_entries(demo_store)
        form = await _open_held_form(pilot)
        gate = GatedStore(app.store)
        app.store = gate
        await pilot.press("ctrl+s")
        await _wait_for(pilot, gate.started)
        await pilot.press("ctrl+s")
        gate.release.set()
        await settle(pilot)
        assert form not in app.screen_stack
        assert _held_entries(demo_store) == before + 1


async def test_a_form_saved_while_covered_closes_when_it_is_on_top_again(make_app, demo_store) -> None:
    from tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _open_held_form(pilot)
        gate = GatedStore(app.store)
        app.store = gate
        await pilot.press("ctrl+s")
        await _wait_for(pilot, gate.started)
        await pilot.press("f1")  # help opens over the form while the save runs
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        gate.release.set()
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)  # the saved form did not close the help
        assert form in app.screen_stack
        await pilot.press("escape")
        await settle(pilot)
        assert form not in app.screen_stack
        assert isinstance(app.screen, MainScreen)


async def test_a_form_ignores_the_answer_to_another_forms_command(make_app, demo_store) -> None:
    from store.commands.meetings import MarkHeld
    from store.commands.base import ChangeSet, Outcome
    from tui.messages import Written

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _open_held_form(pilot)
        equal_but_not_ours = MarkHeld(meeting_id=form.meeting_id)
        form.post_message(Written(equal_but_not_ours, Outcome(None, ChangeSet())))
        await settle(pilot)
        assert app.screen is form


async def test_a_failing_pane_load_says_so_and_keeps_the_rows(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        deadlines = pane(app, "deadlines")
        shown = deadlines.rows
        assert shown

        class Broken(GatedStore):
            def deadlines(self, **_: Any) -> Any:
                raise OSError(5, "Input/output error")

        app.store = Broken(demo_store)
        deadlines.reload()
        await settle(pilot)
        assert deadlines.rows == shown and deadlines.table.row_count == len(shown)
        assert deadlines.stale
        assert "ikke opdateret" in str(deadlines.border_title)
        messages = [str(n.message) for n in app._notifications]
        assert any("Input/output error" in m for m in messages), messages


async def test_a_failing_write_from_a_menu_is_a_sentence(make_app, demo_store) -> None:
    from store.commands.doctor import SendReminder
    from tui.messages import Write

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(Write(SendReminder(request_id=10**9), what="x"))
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert messages and "x" not in messages[-1:]


async def test_an_older_load_never_lands_after_a_newer_one(make_app, demo_store) -> None:
    from tui.panes.base import PaneData

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        deadlines = pane(app, "deadlines")
        current = deadlines.rows
        deadlines.reload()
        old = deadlines._generation - 1
        deadlines.post_message(deadlines.Loaded(deadlines, PaneData((), 0, ""), old))
        await settle(pilot)
        assert deadlines.rows == current


async def test_a_pane_never_holds_a_row_twice(make_app, demo_store) -> None:
    from tui.panes.base import PaneData

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        deadlines = pane(app, "deadlines")
        rows = deadlines.rows
        deadlines.apply(PaneData((*rows[:3], rows[1], *rows[3:]), len(rows) + 1, ""))
        keys = [deadlines.row_key(r) for r in deadlines.rows]
        assert len(keys) == len(set(keys)) == deadlines.table.row_count == len(rows)


async def test_saving_held_reloads_only_the_panes_that_show_it(make_app, demo_store) -> None:
    """The change set of a held meeting names the meeting and its citizen: Today, the
    caseload and the meetings due reload; doctors and suppliers only if the citizen is there."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reloads: list[str] = []
        for p in app.screen.panes:
            original = p.reload
            p.reload = (lambda *a, p=p, original=original: (reloads.append(p.pane_id), original(*a)))  # type: ignore[method-assign]
        form = await _open_held_form(pilot)
        citizen = next(r.citizen_id for r in pane(app, "today").rows
                       if isinstance(r, AgendaMeeting) and r.meeting_id == form.meeting_id)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {"today", "caseload", "deadlines"} <= set(reloads)
        for other in ("doctors", "suppliers"):
            shown = {r.citizen_id for r in pane(app, other).rows}
            assert (other in reloads) == (citizen in shown)
        assert "✓" in str(pane(app, "today").table.get_cell(f"m{form.meeting_id}", "col.state"))


async def test_a_save_loads_the_panes_on_the_writers_thread_and_lands_them_with_its_answer(make_app, demo_store) -> None:
    """No pane starts a worker of its own after a save: the writer loads what the panes asked
    for right after the write, one after the other, and every pane shows its new rows before
    the form hears that its command was saved (one frame, no threads taking turns)."""
    from tui.panes.base import Pane

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        started: list[str] = []
        for p in app.screen.query(Pane):
            original = p._load
            p._load = (lambda *a, p=p, original=original: (started.append(p.pane_id), original(*a)))  # type: ignore[method-assign]
        form = await _open_held_form(pilot)
        today = pane(app, "today")
        seen_when_answered: list[str] = []
        form.after_saved = (  # type: ignore[method-assign]  # runs when the form hears its answer
            lambda _value: seen_when_answered.append(str(today.table.get_cell(f"m{form.meeting_id}", "col.state"))))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert started == []
        assert seen_when_answered and "✓" in seen_when_answered[0]


async def test_the_saved_toast_is_shown_on_the_screen_beneath_the_form(make_app, demo_store) -> None:
    """A form says what it saved once it has closed: notified while the form was on top, the
    toast was drawn on the form and then again, in a frame of its own, on the main screen."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _open_held_form(pilot)
        fill(form, summary="Talte om praktik")
        shown_on: list[tuple[str, str]] = []
        notify = app.notify

        def recording(message: str, **kwargs: Any) -> None:
            shown_on.append((type(app.screen).__name__, str(message)))
            notify(message, **kwargs)

        app.notify = recording  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert shown_on and all(screen == "MainScreen" for screen, _ in shown_on), shown_on
        assert any("afholdt" in text.lower() for _, text in shown_on), shown_on
