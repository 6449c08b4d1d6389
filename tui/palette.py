"""ctrl+p: every action of the current context (from its bindings), plus the themes. What the
palette offers is generated, so a new key is in the palette the moment it exists."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.i18n import t

THEME_NAMES = {
    "sagsdag-dark": "theme.dark", "sagsdag-light": "theme.light",
    "sagsdag-contrast": "theme.contrast", "sagsdag-ansi": "theme.ansi",
}
SKIP = {"app.palette", "app.quit", "app.help_f1"}


def commands_for(app: App, screen: Screen) -> Iterator[SystemCommand]:
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        ident = binding.id or binding.action
        if not binding.description or ident in seen or ident in SKIP or not active.enabled:
            continue
        seen.add(ident)
        key = app.get_key_display(binding)
        yield SystemCommand(binding.description, t("palette.key", key=key),
                            partial(app.run_action, binding.action, active.node))
    for name, key in THEME_NAMES.items():
        yield SystemCommand(t("palette.theme", name=t(key)), t("palette.theme_help"), partial(app.set_theme, name))
