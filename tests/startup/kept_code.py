"""The kept compiled code (tui.compiled_once) as at the program's start, for the tests of what
it keeps: its file in the test's folder, and every hook it installs removed afterwards."""

from __future__ import annotations

import builtins
import collections
import dataclasses
from pathlib import Path

import pytest

import tui.compiled_once as once


def fresh_kept_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "generated.marshal"
    monkeypatch.setattr(once, "_path", None)
    monkeypatch.setattr(once, "_code", {})
    monkeypatch.setattr(once, "_raw", {})
    monkeypatch.setattr(once, "_loaded", 0)
    monkeypatch.setattr(once, "_new", 0)
    monkeypatch.setattr(once, "_open", True)
    monkeypatch.setattr(once, "_cache_path", lambda: path)
    for module in (dataclasses, collections):
        monkeypatch.setattr(module, "exec", builtins.exec, raising=False)
        monkeypatch.setattr(module, "eval", builtins.eval, raising=False)
    from re import _compiler  # type: ignore[attr-defined]

    monkeypatch.setattr(_compiler, "compile", once._plain_pattern or _compiler.compile)
    monkeypatch.setattr(once, "_plain_pattern", None)
    return path
