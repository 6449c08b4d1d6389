"""One sentence for any failure a user can meet, without leaking CPR numbers or note text."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from store.errors import Conflict, Invalid, NotFound, StoreError
from tui.i18n import t
from tui.i18n.catalog import has


def store_text(exc: StoreError) -> str:
    """A StoreError in the user's language: `store_error.<code>` from the catalog with the
    error's own parameters, or its English sentence when the catalog has no entry yet."""
    key = "store_error." + exc.code
    if has(key) or has(key, "da"):
        return t(key, **exc.params)
    return str(exc)


def describe(exc: BaseException) -> str:
    if isinstance(exc, Invalid):
        return t("error.invalid", field=exc.field, message=str(exc))
    if isinstance(exc, Conflict):
        return t("error.conflict")
    if isinstance(exc, NotFound):
        return t("error.not_found")
    if isinstance(exc, StoreError):
        return store_text(exc)
    text = str(getattr(exc, "orig", exc)).lower()
    if isinstance(exc, (OperationalError, sqlite3.OperationalError)):
        if "locked" in text or "busy" in text:
            return t("error.locked")
        if "readonly" in text or "read-only" in text:
            return t("error.read_only")
        if "full" in text:
            return t("error.disk_full")
        return t("error.database", kind=type(exc).__name__)
    if isinstance(exc, OSError):
        return t("error.os", what=exc.strerror or type(exc).__name__)
    return t("error.unexpected", kind=type(exc).__name__)


def conflict_text(exc: Conflict, fields: tuple = ()) -> str:  # type: ignore[type-arg]
    """Both versions, field by field, where they differ: what is stored now and what you typed."""
    from tui.text import clean

    labels = {f.name: t(f.label) for f in fields}
    theirs, mine = exc.theirs or {}, exc.mine or {}
    lines = [t("conflict.head")]
    for name, label in labels.items():
        key = name.rstrip("_") if name.rstrip("_") in theirs else name
        if key in theirs and name in mine and theirs[key] != mine[name]:
            lines.append(t("conflict.line", field=label, theirs=clean(theirs[key], limit=80),
                           mine=clean(mine[name], limit=80)))
    lines.append(t("conflict.choose"))
    return "\n".join(lines)
