"""The words of an erasure confirmation: what will go, counted per kind (shared by the command
line and the citizen screen; no Textual here)."""

from __future__ import annotations

from store.privacy import mask_cpr
from tui.i18n import t
from tui.text import clean


def what_goes(erasure) -> str:  # type: ignore[no-untyped-def]
    parts = [t(f"erase.count.{kind}", n=n) for kind, n in erasure.counts]
    return ", ".join(parts) if parts else t("erase.nothing_else")


def confirmation(erasure, key: str = "erase.confirm") -> str:  # type: ignore[no-untyped-def]
    return t(key, name=clean(erasure.name, limit=80), cpr=mask_cpr(erasure.cpr), what=what_goes(erasure))
