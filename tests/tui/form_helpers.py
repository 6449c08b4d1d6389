"""Driving the forms the way a caseworker does: open a citizen from the caseload pane, pick a
line in the red thread, choose from the `n` or `enter` menu, fill the fields, ctrl+s. Every
wait is `settle` (workers done, messages handled); nothing sleeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Checkbox, Input, Select, TextArea

from store.queries.rows import AgendaMeeting
from tests.app_helpers import settle
from tui.panes.base import Pane


SIZE = (160, 48)


def only_new(before: tuple, after: tuple) -> Any:
    """The one record in `after` that was not in `before`."""
    known = {r.id for r in before}
    fresh = [r for r in after if r.id not in known]
    assert len(fresh) == 1, fresh
    return fresh[0]


def pane(app: Any, pane_id: str) -> Pane:
    return app.screen_stack[0].query_one(f"#pane-{pane_id}", Pane)


async def type_text(pilot: Any, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def find_citizen(store: Any, wanted: Callable[[Any], bool], *, skip: tuple[int, ...] = ()) -> Any:
    """The first active citizen (caseload order) whose file matches; the demo caseload is
    seeded, but the tests ask for what they need instead of hard-coding ids."""
    for row in store.caseload(limit=500):
        if row.citizen_id in skip:
            continue
        file = store.citizen_file(row.citizen_id)
        if wanted(file):
            return file
    raise AssertionError("no citizen in the demo caseload fits")


async def to_main(pilot: Any) -> None:
    """esc until the main screen shows (a form, a menu, the citizen screen); typed text is
    thrown away (j to the question)."""
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.main import MainScreen

    for _ in range(8):
        if isinstance(pilot.app.screen, MainScreen):
            return
        await pilot.press("j" if isinstance(pilot.app.screen, ConfirmScreen) else "escape")
        await settle(pilot)
    assert isinstance(pilot.app.screen, MainScreen)


async def open_citizen(pilot: Any, citizen_id: int) -> Any:
    """From the main screen: pane 2 (caseload), the citizen's row, enter."""
    from tui.screens.citizen import CitizenScreen

    await to_main(pilot)
    await pilot.press("2")
    caseload = pane(pilot.app, "caseload")
    caseload.table.move_cursor(row=caseload.table.get_row_index(str(citizen_id)), animate=False)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CitizenScreen) and screen.citizen_id == citizen_id
    assert screen.data is not None
    return screen


def timeline_key(screen: Any, kind: str, ref: int) -> str | None:
    table = screen.query_one("#citizen-timeline")
    return next((k.value for k in table.rows if k.value.startswith(f"{kind}:{ref}:")), None)


def select_line(screen: Any, kind: str, ref: int) -> None:
    table = screen.query_one("#citizen-timeline")
    key = timeline_key(screen, kind, ref)
    assert key is not None, f"no {kind} {ref} in the red thread"
    table.focus()
    table.move_cursor(row=table.get_row_index(key), animate=False)


async def row_menu(pilot: Any, kind: str, ref: int, choice: str) -> Any:
    """enter on a line of the red thread, then the menu's key; returns the screen on top."""
    from tui.screens.menu import MenuScreen

    select_line(pilot.app.screen, kind, ref)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MenuScreen)
    await pilot.press(choice)
    await settle(pilot)
    return pilot.app.screen


async def new_menu(pilot: Any, choice: str, expected: type | None = None) -> Any:
    """`n` on the citizen screen, then the choice."""
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(choice)
    await settle(pilot)
    form = pilot.app.screen
    if expected is not None:
        assert isinstance(form, expected), type(form).__name__
    return form


def fill(form: Any, **values: Any) -> None:
    """Set fields by name as a paste would: Input/TextArea take text, Select a key, Checkbox a bool."""
    for name, value in values.items():
        widget = form.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            widget.text = value
        elif isinstance(widget, (Select, Checkbox)):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value


async def save(pilot: Any, *, through_warnings: bool = False) -> None:
    """ctrl+s; with `through_warnings`, a second ctrl+s when the form only warned."""
    form = pilot.app.screen
    await pilot.press("ctrl+s")
    await settle(pilot)
    if through_warnings and pilot.app.screen is form and str(form.query_one("#form-warning").render()).strip():
        await pilot.press("ctrl+s")
        await settle(pilot)


async def save_and_close(pilot: Any, *, through_warnings: bool = False) -> None:
    form = pilot.app.screen
    await save(pilot, through_warnings=through_warnings)
    assert pilot.app.screen is not form, f"the form stayed open: {errors(form)}"


def error(form: Any, field: str) -> str:
    return str(form.query_one(f"#error-{field}").render())


def errors(form: Any) -> dict[str, str]:
    """Every non-empty error line of a form, by field (and "form" for the form's own line)."""
    out = {f.name: error(form, f.name) for f in form.fields}
    out["form"] = str(form.query_one("#form-problem").render())
    return {k: v for k, v in out.items() if v.strip()}


async def open_held_form(pilot: Any, today: Pane) -> AgendaMeeting:
    """The held form (`h`) on the Today pane's first planned meeting, which it returns."""
    meeting = next(r for r in today.rows if isinstance(r, AgendaMeeting) and r.status == "planned")
    await pilot.press("1")
    today.table.move_cursor(row=list(today.rows).index(meeting), animate=False)
    await pilot.press("h")
    await settle(pilot)
    return meeting
