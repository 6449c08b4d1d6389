"""The portable, versioned JSON format: every entity of a Sagsdag database, by natural keys,
so a caseload moves between databases (SQLite, PostgreSQL) and program versions.

The format is specified in docs/formats.md and declared in `spec`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from store.db.session import writing
from store.importers.errors import ImportRefused, ImportSummary
from store.portable.decode import load_document
from store.portable.export import export_json
from store.portable.load import check_against_database, write_document
from store.portable.spec import FORMAT, VERSION
from store.portable.validate import validate


def import_json(engine: Engine, text: str | bytes, today: date | None = None) -> ImportSummary:
    """All or nothing: raises ImportRefused, having written nothing, or imports everything.
    With `today`, first requests and held meetings after it are refused."""
    document = validate(load_document(text), today)
    with writing(engine) as session:
        check_against_database(session, document)  # refusing here rolls the transaction back
        return write_document(session, document)


__all__ = ["FORMAT", "VERSION", "ImportRefused", "ImportSummary", "export_json", "import_json"]
