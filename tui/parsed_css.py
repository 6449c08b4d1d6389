"""Textual's parsed stylesheets, kept with the classes' compiled code (tui.compiled_once).

Every start parses the same CSS: the theme file and the DEFAULT_CSS of every widget class on
the main screen, ~35 sources, ~8 ms of the main thread before the first frame (issue 15).
What a source parses to depends only on its text, where it was read from, its place in the
cascade (default or not, tie breaker, scope) and the theme's variables; all of them make the
key (a SHA-256 of them), with the Textual that parsed them (`_parser_stamp`). The rule sets are kept pickled and unpickled per stylesheet, so each
stylesheet gets objects of its own, as when it parsed them. A source not kept is parsed as
before (and kept, when the file will be written)."""

from __future__ import annotations

import hashlib
import os
import pickle
from typing import Any

from textual.css.stylesheet import Stylesheet

from tui import compiled_once

_plain: Any = None


def _variables_digest(stylesheet: Any) -> str:
    variables = stylesheet._variables
    known = stylesheet.__dict__.get("_kept_variables")
    if known is not None and known[0] is variables:
        return str(known[1])
    digest = hashlib.sha256(repr(sorted(variables.items())).encode()).hexdigest()
    stylesheet.__dict__["_kept_variables"] = (variables, digest)
    return digest


_stamp: tuple[int, int] | None = None


def _parser_stamp() -> tuple[int, int]:
    """Which Textual parsed what is kept: its CSS parser module's size and time of writing. The
    rule sets are Textual's own objects, pickled; another version's may differ in shape."""
    global _stamp
    if _stamp is None:
        import textual.css.parse

        found = os.stat(textual.css.parse.__file__)
        _stamp = (found.st_size, found.st_mtime_ns)
    return _stamp


def _parse_rules(self: Any, css: str, read_from: Any, is_default_rules: bool = False, tie_breaker: int = 0,
                 scope: str = "") -> Any:
    cache_key = (css, read_from, is_default_rules, tie_breaker, scope)
    if cache_key in self._parse_cache:
        return self._parse_cache[cache_key]  # parsed by this stylesheet already: as Textual does
    name = hashlib.sha256(repr((css, read_from, is_default_rules, tie_breaker, scope,
                                _variables_digest(self), _parser_stamp())).encode()).hexdigest()
    blob = compiled_once.kept(name)
    if blob is not None:
        try:
            rules = pickle.loads(blob)
        except Exception:  # noqa: BLE001 - kept by another Textual: parsed as before
            rules = None
        if isinstance(rules, list):
            self._parse_cache[cache_key] = rules
            return rules
    rules = _plain(self, css, read_from, is_default_rules, tie_breaker, scope)
    if compiled_once.keeping() and not any(rule.errors for rule in rules):
        try:
            compiled_once.keep(name, pickle.dumps(rules))
        except Exception:  # noqa: BLE001 - not picklable: simply not kept
            pass
    return rules


def install() -> None:
    """Once Textual is imported (SagsdagApp's construction)."""
    global _plain
    if _plain is None:
        _plain = Stylesheet._parse_rules
        Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
