"""Bringing existing caseloads into Sagsdag from files other programs write.

Importers validate the whole file before writing anything and refuse it with every problem
listed (ImportRefused), so a half-imported caseload can never happen."""

from store.importers.errors import ImportRefused, ImportSummary, mask_cpr

__all__ = ["ImportRefused", "ImportSummary", "import_caseload_csv", "mask_cpr"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # Lazy, so `from store.importers.errors import ImportRefused` (the CLI's error handler) does
    # not pull in the parsers and rule profiles.
    if name == "import_caseload_csv":
        from store.importers.caseload_csv import import_caseload_csv

        return import_caseload_csv
    raise AttributeError(name)
