"""Hostile text: markup, terminal escapes (ESC/CSI/OSC/C1), bidi overrides, zero-width
characters, combining marks, emoji sequences, NUL and friends."""

from __future__ import annotations

import re

from hypothesis import strategies as st

FRAGMENTS = [
    "[bold]", "[/]", "[/bold]", "[link=https://evil.example]klik[/link]", "[red on white]", "\\[", "]", "[",
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[H", "\x1b]0;owned\x07", "\x1b]8;;https://evil.example\x1b\\", "\x1bP+q\x1b\\",
    "\x9b31m", "\x9d0;t\x9c", "\x90", "\x85", "\x1b", "\x07", "\x08", "\r", "\x00", "\x7f", "\x0b", "\x0c", "\n", "\t",
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e", "\u061c",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
    "a\u030a", "o\u0338", "ae", "æøåÆØÅ", "A\u030a\u0301\u0327",
    "👩\u200d👩\u200d👧\u200d👦", "🇩🇰", "👍🏽", "❤\ufe0f", "🙂",
    "Søren", "Ærø", "010190-1234", "'; DROP TABLE citizen; --", "%s", "{name}", "{0}",
]
hostile = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8).map("".join),
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), min_size=1, max_size=6).map("".join),
)
# A name must contain something visible: required fields refuse blank text.
visible = hostile.map(lambda s: "x" + s)

# What must never reach a terminal from user text: C0 controls but newline, DEL, C1, and the
# bidi embeddings/overrides/isolates/marks.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
