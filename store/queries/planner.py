"""Steering SQLite's query planner where it guesses wrong.

Without ANALYZE statistics (the program never runs it), SQLite prefers an index on
(status, date) over one on citizen_id for "this citizen's open requests", and then reads every
open request in the database once per citizen. `unindexed(column)` renders as `+column` on
SQLite, the documented way to keep a term from choosing an index; other databases get the
plain column (PostgreSQL has statistics and no unary + for text)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class unindexed(ColumnElement[Any]):  # noqa: N801 -- reads like a SQL function
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement[Any] | QueryableAttribute[Any]) -> None:
        # An ORM attribute (`Model.status`) is kept as the column it stands for, the very
        # element SQLAlchemy itself compiles for it, so the compiler below gets a plain column.
        self.column = column.__clause_element__() if isinstance(column, QueryableAttribute) else column
        self.type = self.column.type


@compiles(unindexed)
def _plain(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column, **kw)


@compiles(unindexed, "sqlite")
def _plus(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + compiler.process(element.column, **kw)
