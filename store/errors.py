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
            f"{where} is an SQLite database, but not a Sagsdag one. Nothing was changed; "
            "point --db at a Sagsdag database or at a new file name.",
            where=where,
        )


class NewerDatabase(StoreError):
    """Written by a newer Sagsdag: refused, never moved aside (nothing is wrong with it)."""

    code = "db.newer"

    def __init__(self, where: str, found: str, expected: str) -> None:
        super().__init__(
            f"{where} was made by a newer version of Sagsdag (schema {found}; this one knows up to "
            f"{expected}); update Sagsdag. Nothing was changed.",
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


class NotADatabase(StoreError):
    """A file Sagsdag did not make that is not SQLite at all (a text file passed to --db): it
    is refused and never renamed."""

    code = "db.not_sqlite"

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where} is not an SQLite database, so it cannot be a Sagsdag database. Nothing was changed; "
            "point --db at a Sagsdag database or at a new file name.",
            where=where,
        )


class CannotOpen(StoreError):
    """The database could not be opened for a reason that says nothing about its content:
    another program holds a lock, the folder or file cannot be written, the disk failed or is
    full. Nothing is renamed; `kind` says which sentence applies."""

    MESSAGES = {
        "held": "{where} is held by another program, which has locked it. Nothing was changed; "
                "close that program (or the other Sagsdag window) and try again.",
        "denied": "Sagsdag cannot open {where}: SQLite could not open the file or its -wal/-shm files "
                  "beside it (a read-only folder or file?). Nothing was changed; check the permissions of "
                  "the file and its folder and try again.",
        "io": "Sagsdag cannot open {where}: the disk reported an error (it may be full). Nothing was "
              "changed; free some space on the disk and try again, then run `sagsdag check`.",
        "full": "Sagsdag cannot open {where}: the disk is full. Nothing was changed; free some space on "
                "the disk and try again.",
        "other": "Sagsdag cannot open {where} ({detail}). Nothing was changed; run `sagsdag check`.",
    }

    def __init__(self, where: str, kind: str, detail: str = "") -> None:
        kind = kind if kind in self.MESSAGES else "other"
        super().__init__(self.MESSAGES[kind].format(where=where, detail=detail), where=where, detail=detail)
        self.kind = kind
        self.code = f"db.open.{kind}"


class DatabaseMissing(StoreError):
    code = "db.missing_read_only"

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where} does not exist, and --read-only never creates a database. Check the path given to --db.",
            where=where,
        )


class DriverMissing(StoreError):
    code = "db.driver_missing"

    def __init__(self, driver: str) -> None:
        super().__init__(
            f"A PostgreSQL database needs the {driver} driver, which is not installed. Install it with "
            "`pip install 'sagsdag[postgres]'` and try again.",
            driver=driver,
        )


class NotMovedAside(StoreError):
    """A damaged database could not be renamed aside (read-only folder): said, not a traceback."""

    code = "db.not_moved"

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(
            f"{where} is damaged, but it could not be moved aside ({reason}); nothing was changed. "
            "Move it away yourself (or fix the folder's permissions), then run `sagsdag restore`.",
            where=where, reason=reason,
        )


class NeedsUpgrade(StoreError):
    """--read-only met a database that needs a migration (or has no schema yet)."""

    code = "db.needs_upgrade_read_only"

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where} needs an upgrade to this version of Sagsdag, which --read-only never makes. "
            "Nothing was changed; open it once without --read-only.",
            where=where,
        )
