"""Bindings speak the user's language. Classes declare `Binding(key, action, "key.filter",
id=...)` with a catalog key as description; `localize_bindings()` swaps in the words of the
current language before any widget is built, so the footer, `?` and the palette all agree.

A screen's module is imported when it is first opened, not at start (~40 ms of imports before
the first frame, issue 15). Once the app is built, `translate_on_import()` has every later
import of a `tui.` module followed by `localize_bindings()`, which translates only the classes
it has not yet translated into the current language (a no-op costs ~0.02 ms): a class is
translated before any instance of it exists, which matters because Textual copies a class's
bindings into each instance. `import_binding_modules()` imports every module that declares
bindings, for the key map and the tests that look at all of them.

Binding ids ("pane.filter") are what the config file's [keymap] table overrides."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from dataclasses import replace
from typing import Any

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
    "tui.screens.numbers", "tui.screens.plan", "tui.screens.reader", "tui.screens.tasks", "tui.screens.week",
)


def import_binding_modules() -> None:
    from importlib import import_module

    for name in BINDING_MODULES:
        import_module(name)
    localize_bindings()


class _TranslatingLoader(importlib.abc.Loader):
    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self.loader.exec_module(module)
        localize_bindings()

    def __getattr__(self, name: str) -> Any:  # get_source, is_package, … for tracebacks and tools
        return getattr(self.loader, name)


class _TranslateOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if not fullname.startswith("tui."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None and not isinstance(spec.loader, _TranslatingLoader):
            spec.loader = _TranslatingLoader(spec.loader)
        return spec


_HOOK = _TranslateOnImport()


def translate_on_import() -> None:
    """From now on, a module of ours imported later has its keys translated at once."""
    if _HOOK not in sys.meta_path:
        sys.meta_path.insert(0, _HOOK)


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
