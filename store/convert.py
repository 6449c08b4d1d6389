"""ORM row -> frozen record, by field name, so a new column needs one line in records.py."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_record(row: Any, cls: type[T], **extra: Any) -> T:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
        _FIELD_NAMES[cls] = names
    values = {name: extra[name] if name in extra else getattr(row, name) for name in names if name in extra or hasattr(row, name)}
    return cls(**values)
