"""Shared test helpers: short date literals and variants of the real profiles."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from store.rules import RuleProfile, profile_for

LAB = date(2026, 1, 1)  # a day the 2025-lab profile covers


def d(text: str) -> date:
    return date.fromisoformat(text)


def lab(**changes: Any) -> RuleProfile:
    """The 2025-lab profile, optionally with some numbers changed."""
    return dataclasses.replace(profile_for(LAB), **changes)


def fixed(profile: RuleProfile):
    """A profile lookup that always answers `profile`."""
    return lambda _day: profile
