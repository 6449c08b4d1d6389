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


class Unreachable(StoreError):
    """A database server (PostgreSQL) that cannot be reached or refuses us."""

    code = "db.unreachable"

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(
            f"Cannot open the database {where} ({detail}). "
            "Check that the server is running, and the host, port, user and password in --db.",
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
    """Somebody else saved the same record after it was read (team mode).

    Carries both versions so the UI can show them side by side: `theirs` is the record as it
    is stored now (column name -> value, including its `version`), `mine` what this user tried
    to save (the command's arguments; the store's Writes.run fills it in), and `expected` /
    `found` the version numbers read and found."""

    code = "record.conflict"

    def __init__(
        self,
        kind: str,
        ident: object,
        theirs: dict[str, object] | None = None,
        mine: dict[str, object] | None = None,
        *,
        expected: int | None = None,
        found: int | None = None,
    ) -> None:
        super().__init__(
            f"The {kind} was changed by someone else after you opened it. "
            "Reload it and apply your change again.",
            kind=kind, ident=ident, expected=expected, found=found,
        )
        self.kind = kind
        self.ident = ident
        self.theirs = theirs
        self.mine = mine
        self.expected = expected
        self.found = found


class ReadOnly(StoreError):
    """The database was opened read-only (`--read-only`: a team leader looking at another
    caseworker's caseload) and something tried to change it."""

    code = "db.opened_read_only"

    def __init__(self, where: str = "the database") -> None:
        super().__init__(
            f"{where} is open read-only (--read-only); nothing was changed. "
            "Open it without --read-only to make changes.",
            where=where,
        )


class Invalid(StoreError):
    """Input that breaks a rule of the domain; `field` names the form field."""

    code = "record.invalid"

    def __init__(self, field: str, message: str, code: str = "record.invalid", **params: object) -> None:
        super().__init__(message, field=field, **params)
        self.field = field
        self.code = code
