"""No raw control sequence from user text reaches the terminal.

The check: render with Rich to a StringIO as a colour terminal, using a style whose SGR
sequences we learn from rendering harmless text. Every ESC in the output must then open one of
exactly those sequences; with them removed, no control character (C0 but newline, DEL, C1,
bidi controls) may remain. A leaked user ESC would show either as an unknown sequence or as
a stray control character. Rich's segments are checked too: user text never becomes a
control segment."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from rich.console import Console
from rich.text import Text

from tests.fuzz.hostile import FORBIDDEN, hostile
from tui.text import clean, plain

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
SGR = re.compile(r"\x1b\[[0-9;]*m")
STYLE = "bold red"


def _console(width: int = 80) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=True, color_system="truecolor", width=width, legacy_windows=False), buf


def _own_sgr() -> set[str]:
    console, buf = _console()
    console.print(Text("x", style=STYLE))
    console.print(Text("x\ny", style=STYLE))
    return set(SGR.findall(buf.getvalue()))


OWN = _own_sgr()


def render_checked(renderable, width: int = 80) -> str:  # type: ignore[no-untyped-def]
    """Render to a colour terminal and check it; returns the output."""
    from rich.color import ColorSystem

    console, buf = _console(width)
    console.print(renderable)
    output = buf.getvalue()
    assert_terminal_safe(output)
    # Every ESC is one Rich wrote: an opening SGR and a reset per styled, non-empty segment.
    expected = 0
    for segment in console.render(renderable):
        assert not segment.control
        assert not FORBIDDEN.findall(segment.text), repr(segment.text)
        if segment.text and segment.style and segment.style.render("x", color_system=ColorSystem.TRUECOLOR) != "x":
            expected += 2
    assert output.count("\x1b") == expected, "an ESC in the output that Rich did not write"
    return output


def assert_terminal_safe(output: str) -> None:
    found = SGR.findall(output)
    assert set(found) <= OWN, f"foreign escape sequences: {set(found) - OWN!r}"
    rest = SGR.sub("", output)
    bad = FORBIDDEN.findall(rest)
    assert not bad, f"raw control characters reached the terminal: {bad!r}"


@FUZZ
@given(value=hostile)
def test_clean_leaves_no_control_characters(value: str) -> None:
    for one_line in (True, False):
        shown = clean(value, one_line=one_line)
        assert not FORBIDDEN.findall(shown)
        if one_line:
            assert "\n" not in shown
    assert clean(value, limit=None) == clean(value)  # display form only; nothing dropped silently
    assert len(clean(value, limit=None)) >= len(value) - sum(1 for ch in value if ch == "\t") * 0


@FUZZ
@given(value=hostile)
def test_plain_renders_literally_and_safely(value: str) -> None:
    for one_line in (True, False):
        output = render_checked(plain(value, style=STYLE, limit=None, one_line=one_line), width=1000)
        # The markup stays text: a "[bold]" typed by the user is shown, not obeyed.
        if "[bold]" in value:
            assert "[bold]" in SGR.sub("", output).replace("\n", "")


def test_the_checker_catches_a_leak() -> None:
    """The oracle itself: raw user text (no `clean`) must fail it."""
    console, buf = _console()
    console.print(Text("a\x1b[2Jb\u202e", style=STYLE))
    with pytest.raises(AssertionError):
        assert_terminal_safe(buf.getvalue())
    with pytest.raises(AssertionError):  # a user ESC that looks exactly like Rich's own
        render_checked(Text("a\x1b[1;31mb", style=STYLE))
    render_checked(plain("a\x1b[1;31mb", style=STYLE))


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=hostile)
def test_cli_deadlines_table(name: str, tmp_path_factory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's Rich table of `sagsdag deadlines` with a hostile citizen name."""
    from store.clock import Clock
    from store.commands import citizens
    from store.facade import Store
    from tui.cli import output
    from tui.cli.main import main

    path = tmp_path_factory.mktemp("cli") / "x.db"
    store = Store.open(path, clock=Clock(date(2026, 11, 23)))
    try:
        store.execute(citizens.CreateCitizen(cpr="010190-1234", name="x" + name, first_request=date(2026, 1, 5)))
    finally:
        store.close()
    console, buf = _console(width=200)
    monkeypatch.setattr(output, "out", console)
    assert main(["deadlines", "--db", str(path), "--today", "2026-11-23"]) == 0
    text = buf.getvalue()
    assert "XXXX" in text  # the masked CPR, never the full one
    # (unless the hostile name itself spells the number: that is the name, shown as typed)
    assert "010190-1234" in name or "010190-1234" not in text
    found = set(SGR.findall(text))
    rest = SGR.sub("", text)
    # The table styles its own cells, so its SGR set is larger than OWN; what matters is that
    # no control character of the user's text remains once Rich's SGR sequences are removed,
    # and that every ESC belongs to an SGR sequence.
    assert "\x1b" not in rest
    assert not FORBIDDEN.findall(rest), repr(rest)
    assert found, "the table printed no SGR sequence at all: the checks above proved nothing"
