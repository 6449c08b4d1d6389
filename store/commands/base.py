"""Commands as data. A write is a frozen dataclass value with a stable label key; the store
runs it as one transaction (`Store.execute`) and answers with what it returned and the change
set: which citizens and which kinds of record the transaction touched. The label is stored in
the undo journal and looked up in the catalog, so it never depends on a Python name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy.orm import Session

# Covariant: a command that returns an int is a command that returns an object, so code that
# handles any command (the TUI's writer, a form's pending command) can say Command[object].
T = TypeVar("T", covariant=True)


@dataclass(frozen=True)
class Context:
    """What every command may need besides its own fields: the store's (possibly frozen) today
    and the caseworker the store acts for."""

    today: date
    caseworker: str | None


class Command(Generic[T]):
    """Subclasses are `@dataclass(frozen=True)` and set `label` to a stable catalog key such as
    "meeting.mark_held". `apply` runs inside the transaction and must not commit."""

    label: ClassVar[str] = ""

    def apply(self, session: Session, ctx: Context) -> T:  # pragma: no cover - abstract
        raise NotImplementedError

    def shown(self) -> dict[str, Any]:
        """The values the user typed, shown beside the stored ones when a save conflicts."""
        return {k: v for k, v in vars(self).items() if k != "expected_version"}


ANY_KIND = "*"


@dataclass(frozen=True)
class ChangeSet:
    """Citizen ids and record kinds (table names, e.g. "meeting") one transaction touched."""

    citizens: frozenset[int] = frozenset()
    kinds: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.citizens or self.kinds)

    def touches(self, kinds: frozenset[str] | set[str]) -> bool:
        return ANY_KIND in self.kinds or bool(self.kinds & kinds)

    @classmethod
    def everything(cls) -> ChangeSet:
        """For changes whose extent is not known (an undo): every kind counts as touched."""
        return cls(kinds=frozenset({ANY_KIND}))

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.citizens | other.citizens, self.kinds | other.kinds)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: ChangeSet
