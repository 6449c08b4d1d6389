"""What every pane row is: one of the store's frozen row records (`store/queries/rows.py`,
the obligations' `Obligation`), each about one citizen, or none for a task of the
caseworker's own. `Pane[R]` is parameterised by its row type, bound to this."""

from __future__ import annotations

from typing import Protocol, TypeVar


class PaneRow(Protocol):
    @property
    def citizen_id(self) -> int | None: ...


R = TypeVar("R", bound=PaneRow)
R_co = TypeVar("R_co", bound=PaneRow, covariant=True)
