"""The first page of the caseload straight from SQLite, before SQLAlchemy has loaded.

Importing SQLAlchemy's ORM costs about as much as starting Textual, so a program that waits
for it shows its first rows late. This package runs the *same* SQL the full store runs —
compiled from `store.queries.caseload` into `compiled.py` and checked by a test — through the
standard library's sqlite3, read-only, and only when the stored deadlines are known to be
current (schema at head, rule stamp unchanged). Otherwise it declines and the program waits
for the full store, so a fast screen is never a stale one."""

from store.quick.reader import QuickCaseload, quick_caseload

__all__ = ["QuickCaseload", "quick_caseload"]
