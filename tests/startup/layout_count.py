"""Counting the layouts of a screen (the size each was asked for) and the frames drawn (what
each drew), for the tests of what a change lays out and draws."""

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


def count_frames(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """From now on, for each frame any screen draws, the type names of the widgets it draws."""
    from textual.screen import Screen

    frames: list[set[str]] = []
    original = Screen._compositor_refresh

    def counting(self):  # type: ignore[no-untyped-def]
        frames.append({type(widget).__name__ for widget in self._dirty_widgets})
        original(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", counting)
    return frames
