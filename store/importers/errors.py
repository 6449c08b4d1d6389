"""What an import hands back: a refusal listing every problem found, or a summary.

Shared by the CSV importer and the portable JSON format, so the command line and the UI
handle both the same way. Messages never contain a full CPR number: they end up in
terminals, screenshots and support mails."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.errors import StoreError
# The one owner of CPR masking is store.privacy; re-exported here for the importers.
from store.importers.problem import Problem, masked
from store.privacy import mask_cpr

# Enough to fix a file in one go without drowning the caseworker in a 10,000-line paste.
SHOWN_ERRORS = 20
# Past this many, the rest are very likely the same mistake repeated on every row.
MAX_ERRORS = 200

__all__ = ["MAX_ERRORS", "SHOWN_ERRORS", "ErrorList", "ImportRefused", "ImportSummary", "mask_cpr"]


class ImportRefused(StoreError):
    """The whole file was refused and nothing was written."""

    code = "import.refused"

    def __init__(self, errors: list[str]) -> None:
        # Whatever a validator wrote, a CPR-shaped value never leaves in full: a date column
        # holding a CPR number, a CPR in a name or a note all end up here.
        self.errors = [masked(e) for e in errors] or [Problem("unreadable", "the file could not be read")]
        shown = self.errors[:SHOWN_ERRORS]
        lines = [f"Nothing was imported: the file has {_count(self.errors)}. Fix the file and import it again."]
        lines += [f"  - {line}" for line in shown]
        if len(self.errors) > len(shown):
            lines.append(f"  ... and {len(self.errors) - len(shown)} more")
        super().__init__("\n".join(lines), count=len(self.errors))


def _count(errors: list[str]) -> str:
    n = len(errors)
    suffix = "+" if n >= MAX_ERRORS else ""
    return "1 problem" if n == 1 else f"{n}{suffix} problems"


class ErrorList:
    """Collects problems up to MAX_ERRORS; `full` lets a validator stop early."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, message: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(message)

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ERRORS

    def __bool__(self) -> bool:
        return bool(self.items)

    def refuse_if_any(self) -> None:
        if self.items:
            raise ImportRefused(self.items)


@dataclass(frozen=True)
class ImportSummary:
    citizens: int
    meetings: int = 0
    suppliers: int = 0
    records: int = 0  # every row written, citizens included
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "warnings", tuple(masked(w) for w in self.warnings))
