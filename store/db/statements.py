"""The type of a statement whose rows are read by position and whose columns SQLAlchemy's
typing cannot follow (columns unpacked from a list, a subquery's `.c`, one variable reused
for statements of different shapes). A statement whose columns are known says them instead:
`Select[int, str]`."""

from __future__ import annotations

from typing import Any, Unpack

from sqlalchemy import Select

AnySelect = Select[Unpack[tuple[Any, ...]]]
