"""The error the app's opener raises when the database was damaged and has been moved aside
(or could not be). Both the command line (which opens the app) and the app's failure screen
use it, so it lives below both."""

from __future__ import annotations


class Unusable(Exception):
    """The database was damaged: it has been moved aside, or could not be (see `lines`)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
