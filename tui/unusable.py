"""The error the app's opener raises when the database was damaged, foreign or newer and has
been moved aside. Both the command line (which opens the app) and the app's failure screen
use it, so it lives below both."""

from __future__ import annotations


class Unusable(Exception):
    """The database was damaged, foreign or newer: it has been moved aside (see `lines`)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
