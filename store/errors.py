"""Errors the store raises on purpose. Each carries what went wrong and what to do about it;
the command line and the UI show `str(error)` (English) or translate `code` with `params`."""

from __future__ import annotations


class StoreError(Exception):
    code = "store.error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.params = params


class CorruptDatabase(StoreError):
    code = "db.corrupt"

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(
            f"{where} is not a readable Sagsdag database ({detail}). "
            "Restore a backup with `sagsdag restore`, or point --db at another file.",
            where=where, detail=detail,
        )


class ForeignDatabase(StoreError):
    code = "db.foreign"

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where} is a database, but not a Sagsdag one. "
            "Point --db at a Sagsdag database or at a new file.",
            where=where,
        )


class NewerDatabase(StoreError):
    code = "db.newer"

    def __init__(self, where: str, found: str, expected: str) -> None:
        super().__init__(
            f"{where} was written by a newer Sagsdag (schema {found}; this one knows up to "
            f"{expected}). Upgrade Sagsdag, or restore an older backup with `sagsdag restore`.",
            where=where, found=found, expected=expected,
        )


class NotFound(StoreError):
    code = "record.not_found"

    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"No {kind} with id {ident}; it may have been deleted.", kind=kind, ident=ident)


class Conflict(StoreError):
    """Somebody else saved the same record after it was read (team mode)."""

    code = "record.conflict"

    def __init__(self, kind: str, ident: object, theirs: object = None) -> None:
        super().__init__(
            f"The {kind} was changed by someone else after you opened it. "
            "Reload it and apply your change again.",
            kind=kind, ident=ident,
        )
        self.theirs = theirs


class Invalid(StoreError):
    """Input that breaks a rule of the domain; `field` names the form field."""

    code = "record.invalid"

    def __init__(self, field: str, message: str, code: str = "record.invalid", **params: object) -> None:
        super().__init__(message, field=field, **params)
        self.field = field
        self.code = code
