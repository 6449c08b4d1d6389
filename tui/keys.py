"""Bindings speak the user's language. Classes declare `Binding(key, action, "key.filter",
id=...)` with a catalog key as description; `localize_bindings()` swaps in the words of the
current language before any widget is built, so the footer, `?` and the palette all agree.

Binding ids ("pane.filter") are what the config file's [keymap] table overrides."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from tui.i18n import t

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


def localize_bindings() -> None:
    classes = [cls for cls in _walk(DOMNode) if _ours(cls) and "BINDINGS" in cls.__dict__]
    for cls in classes:
        source = cls.__dict__.get(_SOURCE)
        if source is None:
            source = list(cls.__dict__["BINDINGS"])
            setattr(cls, _SOURCE, source)
        OUR_IDS.update(b.id for b in source if isinstance(b, Binding) and b.id)
        cls.BINDINGS = [
            replace(b, description=t(b.description)) if isinstance(b, Binding) and b.description else b
            for b in source
        ]
    # Subclasses merge their bases' bindings, so every class of ours is merged again.
    for cls in _walk(DOMNode):
        if _ours(cls):
            cls._merged_bindings = cls._merge_bindings()


def binding_ids(classes: list[type]) -> dict[str, str]:
    """id -> key of every binding, for the README and the keymap check."""
    out: dict[str, str] = {}
    for cls in classes:
        for b in cls.__dict__.get(_SOURCE, cls.__dict__.get("BINDINGS", [])):
            if isinstance(b, Binding) and b.id:
                out[b.id] = b.key
    return out
