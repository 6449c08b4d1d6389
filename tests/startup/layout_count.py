"""Counting the layouts of a screen (the size each was asked for), for the same-size resize tests."""

from __future__ import annotations

from typing import Any

import pytest


def count_layouts(monkeypatch: pytest.MonkeyPatch, screen: Any) -> list[object]:
    layouts: list[object] = []
    original = type(screen)._refresh_layout

    def counting(self, size=None, scroll=False):  # type: ignore[no-untyped-def]
        layouts.append(size)
        return original(self, size, scroll)

    monkeypatch.setattr(type(screen), "_refresh_layout", counting)
    return layouts
