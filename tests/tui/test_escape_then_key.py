"""Esc and a key typed at once after it are two keys (tui.escape_then_key, in the terminal
driver's parser, tui.keyorder's PasteSafeParser): Textual read
ESC 3 as "£", ESC j as "alt+j" and ESC Enter as Enter alone, so `Esc 3` on a citizen left the
citizen open and lost the 3."""

from __future__ import annotations

import pytest
from textual._xterm_parser import XTermParser

from tests.app_helpers import settle
from tui.keyorder import PasteSafeParser


def _keys(parser: XTermParser, data: str) -> list[str]:
    return [getattr(event, "key", type(event).__name__) for event in parser.feed(data)]


@pytest.mark.parametrize(("typed", "keys"), [
    ("\x1b3", ["escape", "3"]),
    ("\x1bj", ["escape", "j"]),
    ("\x1bJ", ["escape", "J"]),
    ("\x1b\r", ["escape", "enter"]),
    ("\x1b/", ["escape", "slash"]),
    ("\x1bæ", ["escape", "æ"]),
    ("\x1bj\x1b[A", ["escape", "j", "up"]),
    ("2\x1b3jj", ["2", "escape", "3", "j", "j"]),
])
def test_esc_and_a_key_at_once_are_two_keys(typed: str, keys: list[str]) -> None:
    assert _keys(PasteSafeParser(), typed) == keys
    assert _keys(XTermParser(), typed) != keys  # as Textual read them


@pytest.mark.parametrize("typed", [
    "\x1b[A", "\x1bOA", "\x1b[3;3~", "\x1b[Z",  # arrows, alt+delete, shift+tab
    "\x1bb", "\x1bf", "\x1b\x7f",  # word left, word right, delete word (macOS Option keys)
    "\x1b[<0;10;5M",  # a mouse click
    "\x1b]11;rgb:0/0/0\x1b\\",  # a terminal's reply
])
def test_the_terminals_own_sequences_read_as_before(typed: str) -> None:
    assert _keys(PasteSafeParser(), typed) == _keys(XTermParser(), typed)


async def test_the_terminal_driver_reads_keys_with_it_and_esc_3_goes_to_pane_3(make_app) -> None:  # type: ignore[no-untyped-def]
    from textual.drivers import linux_driver

    app = make_app()
    assert issubclass(app.driver_class, linux_driver.LinuxDriver)
    assert linux_driver.XTermParser is PasteSafeParser  # what its input thread builds
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CitizenScreen"
        for key in _keys(PasteSafeParser(), "\x1b3"):
            await pilot.press(key)
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        assert app.screen.current_pane().id == "pane-deadlines"
