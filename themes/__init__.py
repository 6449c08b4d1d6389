"""Sagsdag's four themes. The layout lives in `sagsdag.tcss` and only uses theme variables,
so every theme (and NO_COLOR) applies to every screen."""

from __future__ import annotations

from pathlib import Path

from textual.theme import BUILTIN_THEMES, Theme

CSS = Path(__file__).with_name("sagsdag.tcss")

DARK = Theme(
    name="sagsdag-dark", dark=True,
    primary="#5fa8d3", secondary="#7aa2c8", accent="#f0b35f", warning="#f2c14e", error="#ff6b6b",
    success="#6cc788", foreground="#e6e6e6", background="#15191e", surface="#1c2128", panel="#252c35",
)
LIGHT = Theme(
    name="sagsdag-light", dark=False,
    primary="#1f5f8b", secondary="#3c6e91", accent="#9c4f00", warning="#8a5a00", error="#b00020",
    success="#1b6e35", foreground="#1a1a1a", background="#fafaf7", surface="#f0f0eb", panel="#e2e2dc",
)
# Maximum contrast: pure black and white, saturated status colours, no subtle shades.
CONTRAST = Theme(
    name="sagsdag-contrast", dark=True,
    primary="#ffff00", secondary="#00ffff", accent="#ffffff", warning="#ffff00", error="#ff4040",
    success="#00ff00", foreground="#ffffff", background="#000000", surface="#000000", panel="#202020",
    luminosity_spread=0.0, text_alpha=1.0,
    variables={"border": "#ffffff", "border-blurred": "#a0a0a0", "footer-background": "#000000"},
)
# The terminal's own 16 colours, for users who have tuned their terminal palette.
ANSI = Theme(**{**BUILTIN_THEMES["ansi-dark"].__dict__, "name": "sagsdag-ansi"})

THEMES = (DARK, LIGHT, CONTRAST, ANSI)


def register_all(app) -> None:  # type: ignore[no-untyped-def]
    for theme in THEMES:
        app.register_theme(theme)
