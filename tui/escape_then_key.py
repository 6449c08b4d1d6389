"""Esc pressed and a key at once after it are two keys, not one.

A terminal sends Esc as the byte ESC, and Alt+key as ESC followed by the key, so a parser must
guess when ESC and a character come together (within 0.1 s, or in one read). Textual 8.2
guesses Alt: ESC 3 became "£" (a US Mac keyboard's Option+3), ESC j "alt+j" (or "^" and "j"
when another ESC followed at once), ESC Enter "enter" with the Esc dropped. A caseworker
closing a citizen and going to pane 3 in one quick `Esc 3` saw the citizen stay and the 3
vanish. Sagsdag binds no Alt key, so here ESC followed by a
character is Esc, then that key: what the caseworker typed.

Kept as Textual reads them: ESC b, ESC f and ESC Backspace (word left, word right and delete
word in a text field: what macOS terminals send for Option+arrows and Option+Backspace), ESC ESC,
ESC \\ (the end of a terminal's reply), and every longer sequence (arrows, function keys).

The terminal driver's parser (tui.keyorder's `PasteSafeParser`, which the app installs) is
built on `EscapeThenKeyParser`."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser

ESC = "\x1b"
KEPT = frozenset({ESC + "b", ESC + "f", ESC + "\x7f", ESC + ESC, ESC + "\\"})
# ESC and one of these begin the terminal's longer sequences (CSI, SS3, OSC, DCS, APC, PM).
SEQUENCE_STARTS = "[O]P_^"


class EscapeThenKeyParser(XTermParser):
    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if (len(sequence) == 2 and sequence[0] == ESC and sequence not in KEPT
                and sequence[1] not in SEQUENCE_STARTS):
            # Decided at once: no longer sequence starts so. Left to Textual, ESC 3 was "£",
            # ESC j waited 0.1 s for more and became "alt+j", or "^" and "j" if another ESC
            # followed at once.
            yield events.Key("escape", ESC)
            yield from super()._sequence_to_key_events(sequence[1])
            return
        yield from super()._sequence_to_key_events(sequence, alt)
