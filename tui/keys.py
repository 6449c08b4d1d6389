"""Bindings speak the user's language. Classes declare `Binding(key, action, "key.filter",
id=...)` with a catalog key as description; `localize_bindings()` swaps in the words of the
current language before any widget is built, so the footer, `?` and the palette all agree.

A screen's module is imported when it is first opened, not at start (~40 ms of imports before
the first frame, issue 15): `localize_bindings()` runs again before every screen is pushed
(tui.app) and translates only the classes it has not yet translated into the current language.
`import_binding_modules()` imports every module that declares bindings, for the key map and
the tests that look at all of them.

Binding ids ("pane.filter") are what the config file's [keymap] table overrides."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from tui.i18n import current_language, t

_SOURCE = "_sagsdag_binding_source"
# Ids of the bindings we declare. Help and the palette list only these: Textual's own bindings
# (Copy selected text, Page Left, ^q Quit …) are English, and ours already cover moving around.
OUR_IDS: set[str] = set()


def is_ours(binding: Binding) -> bool:
    return bool(binding.id) and binding.id in OUR_IDS


def _ours(cls: type) -> bool:
    return cls.__module__.startswith("tui.")


def _walk(cls: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_walk(sub))
    return found


_LANGUAGE = "_sagsdag_binding_language"

# Every module that declares bindings (tests/tui/test_screens.py checks the list is complete).
BINDING_MODULES = (
    "tui.app", "tui.forms.base", "tui.forms.contact", "tui.screens.access_log", "tui.screens.citizen",
    "tui.screens.confirm", "tui.screens.failed", "tui.screens.help", "tui.screens.invitation",
    "tui.screens.keypress_confirm", "tui.screens.typed_confirm", "tui.screens.lists", "tui.screens.menu",
    "tui.screens.numbers", "tui.screens.reader", "tui.screens.tasks", "tui.screens.week",
)


def import_binding_modules() -> None:
    from importlib import import_module

    for name in BINDING_MODULES:
        import_module(name)
    localize_bindings()


def localize_bindings() -> None:
    lang = current_language()
    walked = [cls for cls in _walk(DOMNode) if _ours(cls)]
    changed = False
    for cls in walked:
        if "BINDINGS" not in cls.__dict__ or cls.__dict__.get(_LANGUAGE) == lang:
            continue
        source = cls.__dict__.get(_SOURCE)
        if source is None:
            source = list(cls.__dict__["BINDINGS"])
            setattr(cls, _SOURCE, source)
        OUR_IDS.update(b.id for b in source if isinstance(b, Binding) and b.id)
        cls.BINDINGS = [
            replace(b, description=t(b.description)) if isinstance(b, Binding) and b.description else b
            for b in source
        ]
        setattr(cls, _LANGUAGE, lang)
        changed = True
    # Subclasses merge their bases' bindings, so every class of ours is merged again; a class
    # without bindings of its own that is new since the last time is merged too.
    for cls in walked:
        if changed or cls.__dict__.get(_LANGUAGE + "_merged") != lang:
            cls._merged_bindings = cls._merge_bindings()
            setattr(cls, _LANGUAGE + "_merged", lang)


def binding_ids(classes: list[type]) -> dict[str, str]:
    """id -> key of every binding, for the README and the keymap check."""
    out: dict[str, str] = {}
    for cls in classes:
        for b in cls.__dict__.get(_SOURCE, cls.__dict__.get("BINDINGS", [])):
            if isinstance(b, Binding) and b.id:
                out[b.id] = b.key
    return out
