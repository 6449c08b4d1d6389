"""Reads of the obligations model through the facade: everything due, the day's overdue list,
one citizen's open obligations. Mixed into Store like facade_panes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from store.db.models import Citizen
from store.db.session import reading
from store.errors import NotFound
from store.obligations import KINDS, Obligation, obligations, overdue_and_on


class ObligationReads:
    engine: Any
    caseworker: str | None

    def today(self) -> date:  # provided by Store
        raise NotImplementedError

    def obligations(
        self, *, until: date | None = None, citizen_id: int | None = None, kinds: Iterable[str] = KINDS
    ) -> list[Obligation]:
        """Open obligations due on or before `until` (None: all), overdue of any age, worst
        first; only the given kinds (the task list asks for `task`). A citizen that does not
        exist is NotFound (a closed case is found, and owes nothing)."""
        with reading(self.engine) as s:
            if citizen_id is not None and s.get(Citizen, citizen_id) is None:
                raise NotFound("citizen", citizen_id)
            return obligations(s, self.today(), until=until, caseworker=self.caseworker, citizen_id=citizen_id,
                               kinds=tuple(kinds))

    def overdue_and_due_on(self, day: date | None = None) -> list[Obligation]:
        with reading(self.engine) as s:
            return overdue_and_on(s, self.today(), day or self.today(), caseworker=self.caseworker)
