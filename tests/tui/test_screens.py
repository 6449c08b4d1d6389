"""The citizen screen (the red thread), help, the palette, sparring, my numbers, language and
themes — all by keyboard."""

from __future__ import annotations

import pytest

from tests.app_helpers import settle
from tui.panes.base import Pane


async def open_first_citizen(app, pilot, pane_id: str = "deadlines"):  # type: ignore[no-untyped-def]
    from tui.screens.citizen import CitizenScreen

    await settle(pilot)
    p = app.screen.query_one(f"#pane-{pane_id}", Pane)
    p.table.focus()
    row = p.row_at_cursor()
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, CitizenScreen)
    return row


@pytest.mark.parametrize("pane_id", ["today", "caseload", "deadlines", "doctors", "suppliers"])
async def test_enter_opens_the_citizen_from_every_pane(make_app, pane_id: str) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        row = await open_first_citizen(app, pilot, pane_id)
        assert app.screen.citizen_id == row.citizen_id
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MainScreen"


async def test_citizen_timeline_is_complete_and_newest_first(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        row = await open_first_citizen(app, pilot)
        data = app.screen.data
        timeline = data.timeline
        assert [e.at for e in timeline] == sorted((e.at for e in timeline), reverse=True)
        f = demo_store.citizen_file(row.citizen_id)
        kinds = {e.kind for e in timeline}
        for name, kind in (("meetings", "meeting"), ("contacts", "contact"), ("notes", "note"),
                           ("absences", "absence"), ("doctor_requests", "doctor"), ("courses", "course"),
                           ("hearings", "hearing")):
            if getattr(f, name):
                assert kind in kinds, kind
        assert sum(1 for e in timeline if e.kind == "meeting") == len(f.meetings)
        table = app.screen.query_one("#citizen-timeline")
        assert table.row_count == len(timeline)


async def test_cpr_is_masked_and_c_reveals_it_until_leaving(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        row = await open_first_citizen(app, pilot)
        summary = str(app.screen.query_one("#citizen-summary").render())
        assert row.cpr not in summary and f"{row.cpr[:6]}-XXXX" in summary
        await pilot.press("c")
        assert row.cpr in str(app.screen.query_one("#citizen-summary").render())
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert row.cpr not in str(app.screen.query_one("#citizen-summary").render())


async def test_help_lists_the_keys_of_the_current_context(make_app) -> None:
    from tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = {ident for _, _, ident in app.screen.rows}
        assert {"doctors.answer", "doctors.reminder", "pane.filter", "main.pane1", "app.quit", "table.down"} <= ids
        await pilot.press("escape", "3", "question_mark")
        ids = {ident for _, _, ident in app.screen.rows}
        assert "doctors.answer" not in ids and "deadlines.plan_meeting" in ids


async def test_every_key_in_help_is_bound_to_an_action_that_exists(make_app) -> None:
    """`?` is generated from the bindings; each listed action must resolve to a method."""
    from tui.screens.help import context_bindings

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for n in "12345":
            await pilot.press(n)
            for active in app.screen.active_bindings.values():
                action = active.binding.action.split("(")[0]
                target = active.node
                if "." in action:
                    ns, action = action.split(".", 1)
                    target = {"app": app, "screen": app.screen}[ns]
                assert hasattr(target, f"action_{action}"), (active.binding.id, action)
            assert context_bindings(app.screen)


async def test_command_palette_lists_actions_and_themes(make_app) -> None:
    from tui.palette import commands_for

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        titles = [c.title for c in commands_for(app, app.screen)]
        assert "Sagssparring" in titles and "Filtrér" in titles
        assert any(title.startswith("Tema: høj kontrast") for title in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)  # ours speaks the user's language


async def test_theme_switch_is_applied_and_remembered(make_app) -> None:
    from tui.config import load_config

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.set_theme("sagsdag-contrast")
        await settle(pilot)
        assert app.theme == "sagsdag-contrast"
        assert load_config().theme == "sagsdag-contrast"


async def test_sparring_and_numbers_views(make_app) -> None:
    from tui.screens.lists import SparringScreen
    from tui.screens.numbers import NumbersScreen

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SparringScreen)
        table = app.screen.query_one("#sparring-table")
        assert table.row_count > 0
        await pilot.press("escape", "m")
        await settle(pilot)
        assert isinstance(app.screen, NumbersScreen)
        from textual.widgets import Sparkline

        charts = list(app.screen.query(Sparkline))
        assert len(charts) == 5 and all(len(c.data) == 12 for c in charts)


async def test_english_on_request(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        titles = [str(p.border_title) for p in app.screen.query(Pane)]
        assert any("Meetings due" in title for title in titles)
        assert any("Doctor requests" in title for title in titles)


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        assert app.return_code == 0 or not app.is_running


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_binding_is_described_in_the_users_language(lang: str) -> None:
    from textual.binding import Binding
    from textual.dom import DOMNode

    from tui.i18n import set_language
    from tui.keys import _walk, import_binding_modules, localize_bindings

    import_binding_modules()

    set_language(lang)
    localize_bindings()
    ours = [cls for cls in _walk(DOMNode) if cls.__module__.startswith("tui.")]
    described = [b for cls in ours for b in cls._merged_bindings.key_to_bindings.values() for b in b
                 if isinstance(b, Binding) and b.description]
    assert described
    leftovers = [b.description for b in described if b.description.startswith("key.")]
    assert not leftovers


def test_every_module_that_declares_bindings_is_listed() -> None:
    """Screens are imported when first opened and their keys translated then (tui.keys); the
    key map and the tests above see every binding through `BINDING_MODULES`, so it must name
    every module that declares BINDINGS."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    declaring = {
        ".".join(path.relative_to(root).with_suffix("").parts)
        for path in (root / "tui").rglob("*.py")
        if "BINDINGS" in path.read_text(encoding="utf-8") and path.name not in ("keys.py", "keymap.py")  # they read bindings, declare none
    }
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, tui.keys; tui.keys.import_binding_modules(); print('\\n'.join(sys.modules))"],
        capture_output=True, text=True, check=True, cwd=root,
    ).stdout.split()
    missing = declaring - set(loaded)
    # Modules whose screens subclass an imported base without BINDINGS of their own are fine.
    assert not missing, missing


async def test_a_screen_opened_later_shows_its_keys_in_the_users_language(demo_store) -> None:
    """The week screen's module is not imported at start; opening it translates its keys."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    loaded = subprocess.run([sys.executable, "-c", "import sys, tui.app; print('tui.screens.week' in sys.modules)"],
                            capture_output=True, text=True, check=True, cwd=root).stdout.strip()
    assert loaded == "False"
    from tui.app import SagsdagApp
    from tui.config import Config

    app = SagsdagApp(demo_store, config=Config(language="en"), language="en")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        described = [b.description for _key, b, _on, _tip in app.screen.active_bindings.values() if b.description]
        assert described and not [d for d in described if d.startswith("key.")]


async def test_keymap_overrides_from_the_config_file(demo_store) -> None:
    from tui.app import SagsdagApp
    from tui.config import Config

    app = SagsdagApp(demo_store, config=Config(keymap={"table.down": "ctrl+n", "main.sparring": "S"}))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        table = app.screen.query_one("#pane-caseload", Pane).table
        await pilot.press("ctrl+n", "ctrl+n")
        assert table.cursor_row == 2
        await pilot.press("j")  # no longer bound
        assert table.cursor_row == 2
        await pilot.press("S")
        await settle(pilot)
        assert type(app.screen).__name__ == "SparringScreen"


async def test_no_color_is_respected(make_app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.no_color
        # Status still readable: the marker is in the text, not only in a colour.
        first = str(app.screen.query_one("#pane-deadlines", Pane).table.get_row_at(0)[0])
        assert first.startswith("! ")
